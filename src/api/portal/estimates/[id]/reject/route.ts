import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideFromPage } from "../decide"

export const POST = (req: MedusaRequest, res: MedusaResponse) => decideFromPage(req, res, "rejected")
