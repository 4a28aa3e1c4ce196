import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminInvoiceListResponse, AdminInvoiceResponse, Sendable } from "../../../types/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createInvoiceWorkflow } from "../../../workflows/invoice"
import { invoiceFilters, presentInvoice, refetchInvoice, withDerivationFields } from "./helpers"
import type { AdminCreateInvoiceType, AdminGetInvoicesParamsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetInvoicesParamsType>, res: MedusaResponse<Sendable<AdminInvoiceListResponse>>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, extra } = withDerivationFields(req.queryConfig.fields)
  const { data, metadata } = await query.graph({
    entity: "portal_invoice",
    fields,
    filters: invoiceFilters(req.filterableFields),
    pagination: req.queryConfig.pagination,
  })
  const now = new Date()
  res.json({
    invoices: data.map((invoice) => presentInvoice(invoice, now, extra)),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateInvoiceType>, res: MedusaResponse<Sendable<AdminInvoiceResponse>>) => {
  const { result } = await createInvoiceWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ invoice: await refetchInvoice(req, result.id) })
}
