import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import { setRemindersOptOutWorkflow } from "../../../../../workflows/reminders/set-reminders-opt-out"
import { portalCustomerId } from "../../../../utils/portal-auth"
import type { StoreRemindersOptOutType } from "../../validators"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/** Whether this customer turned overdue payment reminders off. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const [access] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listPortalAccesses({ customer_id: portalCustomerId(req) }, { take: 1, select: ["id", "reminders_opt_out"] })
  res.json({ reminders_opt_out: access?.reminders_opt_out ?? false })
}

/** The customer turns overdue payment reminders off (`opt_out: true`) or back on. */
export const POST = async (req: MedusaRequest<StoreRemindersOptOutType>, res: MedusaResponse) => {
  const { result } = await setRemindersOptOutWorkflow(req.scope).run({
    input: { customer_id: portalCustomerId(req), opt_out: req.validatedBody.opt_out, actor: "customer" },
  })
  res.json(result)
}
