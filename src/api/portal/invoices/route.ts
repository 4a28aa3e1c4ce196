import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import { serializePortalInvoice } from "../../../lib/serializers"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import { buildPager } from "../../../lib/pages/pager"
import { DEFAULT_PAGE_SIZE, parseListQuery, PortalInvoicesQuery } from "../validators"

const FILTERS = [
  { value: "", label: "All" },
  { value: "unpaid", label: "Unpaid" },
  { value: "overdue", label: "Overdue" },
  { value: "paid", label: "Paid" },
]

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = parseListQuery(PortalInvoicesQuery, req.query)
  const [invoices, count] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listCustomerInvoices(portalCustomerId(req), query)
  const now = new Date()
  await sendPortalPage(req, res, 200, "invoices.html.njk", {
    title: "Invoices",
    invoices: invoices.map((i) => serializePortalInvoice(i, now)),
    status: query.status ?? "",
    filters: FILTERS,
    pager: buildPager({
      path: "/portal/invoices",
      count,
      limit: query.limit,
      offset: query.offset,
      defaultLimit: DEFAULT_PAGE_SIZE,
      params: { status: query.status },
    }),
  })
}
