import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { serializePortalEstimate } from "../../../lib/serializers"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import { buildPager } from "../../../lib/pages/pager"
import { DEFAULT_PAGE_SIZE, parseListQuery, PortalEstimatesQuery } from "../validators"

const FILTERS = [
  { value: "", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "accepted", label: "Accepted" },
  { value: "rejected", label: "Rejected" },
]

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = parseListQuery(PortalEstimatesQuery, req.query)
  const [estimates, count] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listCustomerEstimates(portalCustomerId(req), query)
  const now = new Date()
  await sendPortalPage(req, res, 200, "estimates.html.njk", {
    title: "Estimates",
    estimates: estimates.map((e) => serializePortalEstimate(e, now)),
    status: query.status ?? "",
    filters: FILTERS,
    pager: buildPager({
      path: "/portal/estimates",
      count,
      limit: query.limit,
      offset: query.offset,
      defaultLimit: DEFAULT_PAGE_SIZE,
      params: { status: query.status },
    }),
  })
}
