import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalAccessResponse, Sendable } from "../../../../../../types/http"
import { setPortalAccessWorkflow } from "../../../../../../workflows/access"
import { assertCustomerExists, retrievePortalAccess } from "../helpers"

/** Re-enables portal access; old links stay revoked: send or copy a new one. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminPortalAccessResponse>>) => {
  await assertCustomerExists(req, req.params.id)
  await setPortalAccessWorkflow(req.scope).run({ input: { customer_id: req.params.id, enabled: true } })
  res.json({ portal_access: await retrievePortalAccess(req, req.params.id) })
}
