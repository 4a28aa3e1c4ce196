import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadInvoiceList } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import { buildPager } from "../../../lib/pages/pager"
import { DEFAULT_PAGE_SIZE, parseListQuery, PortalInvoicesQuery } from "../validators"
import { requestT } from "../../utils/request-locale"
import { onlinePaymentOffered } from "../../utils/online-payment"

/** The status filters; the page names each in the customer's language (status.* in the catalogs). */
const FILTERS = [{ value: "" }, { value: "unpaid" }, { value: "overdue" }, { value: "paid" }]

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = parseListQuery(PortalInvoicesQuery, req.query)
  const { invoices, count, offset, limit } = await loadInvoiceList(req.scope, portalCustomerId(req), query)
  const hasOpen = invoices.some((invoice) => Number(invoice.open_amount) > 0)
  await sendPortalPage(req, res, 200, "invoices.html.njk", {
    title: (await requestT(req))("page.invoices.title"),
    invoices,
    // Open invoices can be checked and paid together (issue #15 item 3) when the business takes card payments.
    pay_selected: hasOpen && (await onlinePaymentOffered(req)),
    has_open: hasOpen,
    status: query.status ?? "",
    filters: FILTERS,
    pager: buildPager({
      path: "/portal/invoices",
      count,
      limit,
      offset,
      defaultLimit: DEFAULT_PAGE_SIZE,
      params: { status: query.status },
    }),
  })
}
