import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalAccessResponse, Sendable } from "../../../../../types/http"
import { assertCustomerExists, retrievePortalAccess } from "./helpers"

/** Status (enabled / disabled / never sent), first / last sent, last opened and the live links. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminPortalAccessResponse>>) => {
  await assertCustomerExists(req, req.params.id)
  res.json({ portal_access: await retrievePortalAccess(req, req.params.id) })
}
