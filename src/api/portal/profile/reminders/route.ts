import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { setRemindersOptOutWorkflow } from "../../../../workflows/reminders/set-reminders-opt-out"
import { portalCustomerId } from "../../../utils/portal-auth"

/** The Profile page's "Payment reminders" form: `reminders=off` turns them off, `on` back on. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const choice = (req.body as Record<string, unknown> | undefined)?.reminders
  if (choice !== "on" && choice !== "off") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Choose whether to receive payment reminders (on or off)")
  }
  await setRemindersOptOutWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), opt_out: choice === "off", actor: "customer" },
  })
  res.redirect(303, "/portal/profile?saved=1")
}
