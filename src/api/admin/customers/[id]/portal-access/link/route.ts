import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalLinkResponse, Sendable } from "../../../../../../types/http"
import { createPortalLinkWorkflow } from "../../../../../../workflows/access"
import { withStateConflicts } from "../../../../../utils/state-conflict"
import { assertCustomerExists } from "../helpers"

/** "Copy portal link" and "View portal as customer": a new link returned, not emailed. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminPortalLinkResponse>>) => {
  await assertCustomerExists(req, req.params.id)
  const { result } = await withStateConflicts(() =>
    createPortalLinkWorkflow(req.scope).run({ input: { customer_id: req.params.id } })
  )
  res.setHeader("Cache-Control", "no-store")
  res.json({ link: { id: result.id, url: result.url, expires_at: result.expires_at } })
}
