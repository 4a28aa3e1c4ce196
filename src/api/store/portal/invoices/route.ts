import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { serializePortalInvoice } from "../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import type { PortalInvoicesQueryType } from "../../../portal/validators"
import { portalCustomerId } from "../../../utils/portal-auth"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.validatedQuery as PortalInvoicesQueryType
  const [invoices, count] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listCustomerInvoices(portalCustomerId(req), query)
  const now = new Date()
  res.json({ invoices: invoices.map((i) => serializePortalInvoice(i, now)), count, offset: query.offset, limit: query.limit })
}
