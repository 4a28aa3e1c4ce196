import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminDeleteResponse, Sendable } from "../../../../../../../types/http"
import { revokePortalLinkWorkflow } from "../../../../../../../workflows/access"
import { assertCustomerExists } from "../../helpers"

/** Revokes one link of this customer. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminDeleteResponse<"portal_link">>>) => {
  await assertCustomerExists(req, req.params.id)
  await revokePortalLinkWorkflow(req.scope).run({
    input: { customer_id: req.params.id, link_id: req.params.link_id },
  })
  res.json({ id: req.params.link_id, object: "portal_link", deleted: true })
}
