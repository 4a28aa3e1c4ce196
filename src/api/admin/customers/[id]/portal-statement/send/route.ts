import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendStatementWorkflow } from "../../../../../../workflows/notifications"
import { withStateConflicts } from "../../../../../utils/state-conflict"
import type { AdminSendStatementType } from "../../../validators"
import { assertCustomerExists } from "../../portal-access/helpers"

/** "Email statement": the customer's statement of account for `{ from, to }`, emailed as a PDF. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendStatementType>, res: MedusaResponse) => {
  await assertCustomerExists(req, req.params.id)
  const period = req.validatedBody
  // "Access disabled" is a CONFLICT: its own message reaches the owner, not Medusa's generic one.
  const { result } = await withStateConflicts(() =>
    sendStatementWorkflow(req.scope).run({ input: { customer_id: req.params.id, from: period.from, to: period.to } })
  )
  res.json({ period, email: result })
}
