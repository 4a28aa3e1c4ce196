import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideFromPage, renderConfirmPage } from "../decide"

/** The confirmation step: the customer reviews the estimate, types their name, accepts the terms. */
export const GET = (req: MedusaRequest, res: MedusaResponse) => renderConfirmPage(req, res, 200)

export const POST = (req: MedusaRequest, res: MedusaResponse) => decideFromPage(req, res, "accepted")
