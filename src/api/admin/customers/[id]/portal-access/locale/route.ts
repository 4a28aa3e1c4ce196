import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalAccessResponse, Sendable } from "../../../../../../types/http"
import { setPortalLocaleWorkflow } from "../../../../../../workflows/access"
import type { AdminSetPortalLocaleType } from "../../../validators"
import { assertCustomerExists, retrievePortalAccess } from "../helpers"

/** The language the customer reads the portal, its emails and PDFs in; null: their browser's, then the shop's. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetPortalLocaleType>,
  res: MedusaResponse<Sendable<AdminPortalAccessResponse>>
) => {
  await assertCustomerExists(req, req.params.id)
  await setPortalLocaleWorkflow(req.scope).run({ input: { customer_id: req.params.id, locale: req.validatedBody.locale } })
  res.json({ portal_access: await retrievePortalAccess(req, req.params.id) })
}
