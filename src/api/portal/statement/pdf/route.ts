import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendStatementPdf } from "../../../utils/document-pdf"
import { portalCustomerId } from "../../../utils/portal-auth"
import type { PortalStatementQueryType } from "../../validators"

/** The statement of the page's period as a PDF download. */
export const GET = (req: MedusaRequest, res: MedusaResponse) =>
  sendStatementPdf(req, res, portalCustomerId(req), req.validatedQuery as PortalStatementQueryType, "page")
