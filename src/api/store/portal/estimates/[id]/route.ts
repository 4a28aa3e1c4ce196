import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadEstimate } from "../../../../loaders"
import { portalCustomerId } from "../../../../utils/portal-auth"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await loadEstimate(req.scope, portalCustomerId(req), { id: req.params.id, viewed_via: "store" }))
}
