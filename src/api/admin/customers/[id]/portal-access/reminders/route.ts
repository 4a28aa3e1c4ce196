import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalAccessResponse, Sendable } from "../../../../../../types/http"
import type { AdminSetRemindersOptOutType } from "../../../validators"
import { setRemindersOptOutWorkflow } from "../../../../../../workflows/reminders/set-reminders-opt-out"
import { assertCustomerExists, retrievePortalAccess } from "../helpers"

/** The owner turns overdue payment reminders off (`opt_out: true`) or on for this customer. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminSetRemindersOptOutType>,
  res: MedusaResponse<Sendable<AdminPortalAccessResponse>>
) => {
  await assertCustomerExists(req, req.params.id)
  await setRemindersOptOutWorkflow(req.scope).run({
    input: { customer_id: req.params.id, opt_out: req.validatedBody.opt_out, actor: "owner" },
  })
  res.json({ portal_access: await retrievePortalAccess(req, req.params.id) })
}
