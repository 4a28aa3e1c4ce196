import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { PortalProfileInputType } from "../../../../lib/profile-input"
import { updatePortalProfileWorkflow } from "../../../../workflows/profile"
import { loadPortalProfile } from "../../../loaders"
import { portalCustomerId } from "../../../utils/portal-auth"
import { requestCustomerLocale } from "../../../utils/request-locale"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ ...(await loadPortalProfile(req.scope, portalCustomerId(req))), locale: requestCustomerLocale(req) })
}

export const POST = async (req: MedusaRequest<PortalProfileInputType>, res: MedusaResponse) => {
  const customerId = portalCustomerId(req)
  await updatePortalProfileWorkflow(req.scope).run({ input: { customer_id: customerId, profile: req.validatedBody } })
  // The language was just saved: what the customer chose, not what the session check read before.
  const locale = req.validatedBody.locale === undefined ? requestCustomerLocale(req) : req.validatedBody.locale
  res.json({ ...(await loadPortalProfile(req.scope, customerId)), locale })
}
