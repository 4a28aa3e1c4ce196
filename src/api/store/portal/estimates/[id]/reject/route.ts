import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideFromStore } from "../decide"

export const POST = (req: MedusaRequest, res: MedusaResponse) => decideFromStore(req, res, "rejected")
