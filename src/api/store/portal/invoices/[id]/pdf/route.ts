import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendDocumentPdf } from "../../../../../utils/document-pdf"
import { portalCustomerId } from "../../../../../utils/portal-auth"

// Guarded by portalJsonAuth (src/api/portal/middlewares.ts), which accepts a portal session or the
// customer's own login: Medusa's global /store auth would only verify the same token twice.
export const AUTHENTICATE = false

/** Download the invoice as a PDF named after its number. */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendDocumentPdf(req, res, "invoice", portalCustomerId(req), "store")
