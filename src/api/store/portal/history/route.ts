import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalCustomerId } from "../../../utils/portal-auth"
import { serviceHistory } from "../../../utils/service-history"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ history: await serviceHistory(req, portalCustomerId(req)) })
}
