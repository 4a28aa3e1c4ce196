import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadStatement } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import type { PortalStatementQueryType } from "../validators"
import { requestT } from "../../utils/request-locale"

/** The customer's statement of account for a period, with the PDF of the same period a link away. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const period = req.validatedQuery as PortalStatementQueryType
  const t = await requestT(req)
  const { statement } = await loadStatement(req.scope, portalCustomerId(req), period, t)
  const query = new URLSearchParams(period).toString()
  await sendPortalPage(req, res, 200, "statement.html.njk", {
    title: t("page.statement.title"),
    statement,
    pdf_url: `/portal/statement/pdf?${query}`,
  })
}
