import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadStatement } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import type { PortalStatementQueryType } from "../validators"

/** The customer's statement of account for a period, with the PDF of the same period a link away. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const period = req.validatedQuery as PortalStatementQueryType
  const { statement } = await loadStatement(req.scope, portalCustomerId(req), period)
  const query = new URLSearchParams(period).toString()
  await sendPortalPage(req, res, 200, "statement.html.njk", {
    title: "Statement",
    statement,
    pdf_url: `/portal/statement/pdf?${query}`,
  })
}
