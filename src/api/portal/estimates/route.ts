import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadEstimateList } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import { buildPager } from "../../../lib/pages/pager"
import { DEFAULT_PAGE_SIZE, parseListQuery, PortalEstimatesQuery } from "../validators"
import { requestT } from "../../utils/request-locale"

/** The status filters; the page names each in the customer's language (status.* in the catalogs). */
const FILTERS = [{ value: "" }, { value: "pending" }, { value: "accepted" }, { value: "rejected" }]

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = parseListQuery(PortalEstimatesQuery, req.query)
  const { estimates, count, offset, limit } = await loadEstimateList(req.scope, portalCustomerId(req), query)
  await sendPortalPage(req, res, 200, "estimates.html.njk", {
    title: (await requestT(req))("page.estimates.title"),
    estimates,
    status: query.status ?? "",
    filters: FILTERS,
    pager: buildPager({
      path: "/portal/estimates",
      count,
      limit,
      offset,
      defaultLimit: DEFAULT_PAGE_SIZE,
      params: { status: query.status },
    }),
  })
}
