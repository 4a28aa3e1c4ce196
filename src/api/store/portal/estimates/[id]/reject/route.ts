import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideFromStore } from "../decide"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

export const POST = (req: MedusaRequest, res: MedusaResponse) => decideFromStore(req, res, "rejected")
