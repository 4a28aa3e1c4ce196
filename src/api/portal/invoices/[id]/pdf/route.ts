import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendDocumentPdf } from "../../../../utils/document-pdf"
import { portalCustomerId } from "../../../../utils/portal-auth"

/** Download the invoice as a PDF named after its number. */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendDocumentPdf(req, res, "invoice", portalCustomerId(req), "page")
