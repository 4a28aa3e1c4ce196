import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalActivityResponse, Sendable } from "../../../../../types/http"
import { PORTAL_MODULE } from "../../../../../modules/portal"
import type PortalModuleService from "../../../../../modules/portal/service"
import { assertCustomerExists } from "../portal-access/helpers"
import type { AdminGetPortalActivityParamsType } from "../../validators"
import { withDocuments } from "./helpers"

/** The customer's portal activity, newest first, a page at a time; each entry names its document. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPortalActivityParamsType>, res: MedusaResponse<Sendable<AdminPortalActivityResponse>>) => {
  await assertCustomerExists(req, req.params.id)
  const { limit, offset, type } = req.validatedQuery as AdminGetPortalActivityParamsType
  const [events, count] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listAndCountPortalEvents(
      { customer_id: req.params.id, ...(type ? { type } : {}) },
      { take: limit, skip: offset, order: { created_at: "DESC" } }
    )
  res.json({ events: await withDocuments(req.scope, req.params.id, events), count, offset, limit })
}
