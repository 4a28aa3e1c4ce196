import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendOwnerDocumentPdf } from "../../../../utils/document-pdf"

/** The estimate as the customer's PDF, for the owner (Download PDF in the admin). */
export const GET = (req: AuthenticatedMedusaRequest, res: MedusaResponse) => sendOwnerDocumentPdf(req, res, "estimate")
