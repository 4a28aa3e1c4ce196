import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSendPortalAccessResponse, Sendable } from "../../../../../../types/http"
import { sendPortalAccessWorkflow } from "../../../../../../workflows/access"
import { withStateConflicts } from "../../../../../utils/state-conflict"
import { assertCustomerExists, retrievePortalAccess } from "../helpers"

/** "Send Portal Access" / "Resend Portal Access": a new link by email. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminSendPortalAccessResponse>>) => {
  await assertCustomerExists(req, req.params.id)
  const { result } = await withStateConflicts(() =>
    sendPortalAccessWorkflow(req.scope).run({
      input: { customer_id: req.params.id, reason: "manual", actor: "owner" },
    })
  )
  // The owner's request is refused with an error, never skipped: an email was attempted.
  res.json({ email: result.email!, portal_access: await retrievePortalAccess(req, req.params.id) })
}
