import { MedusaError } from "@medusajs/framework/utils"
import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { openAmount } from "../../../lib/money"
import { deriveInvoiceStatus, invoiceDisplayStatusFilter, InvoiceDisplayStatus } from "../../../lib/status"
import type { AdminInvoice, Sendable } from "../../../types/http"
import { likeEscape } from "../../utils/document-validators"

type AnyInvoice = Record<string, any>

/** Fields the derived values need; fetched even when `fields` leaves them out, then dropped. */
const DERIVATION_FIELDS = ["status", "due_date", "total", "amount_paid"]

export function withDerivationFields(fields: string[]) {
  const missing = DERIVATION_FIELDS.filter((f) => !fields.includes(f) && !fields.includes("*"))
  return { fields: [...fields, ...missing], extra: missing }
}

/**
 * Adds what the owner sees but is not stored: the derived status and the open amount. Typed as the
 * route's response shape: Query's generated types (once `.medusa/types` exists) say less than we
 * know (lines may be null), and a `fields` parameter may ask for fewer fields than the type lists.
 */
export function presentInvoice(invoice: AnyInvoice, now = new Date(), drop: string[] = []): Sendable<AdminInvoice> {
  const extra: Record<string, unknown> = {}
  if (invoice.status !== undefined) {
    extra.display_status = deriveInvoiceStatus(invoice as any, now)
  }
  if (invoice.total !== undefined && invoice.amount_paid !== undefined) {
    extra.open_amount = invoice.status === "void" ? 0 : openAmount(invoice.total, invoice.amount_paid).numeric
  }
  if (Array.isArray(invoice.lines)) {
    extra.lines = [...invoice.lines].sort((a, b) => a.rank - b.rank)
  }
  const presented: Record<string, unknown> = { ...invoice, ...extra }
  for (const field of drop) {
    delete presented[field]
  }
  return presented as Sendable<AdminInvoice>
}

/** Turns `status` (stored or derived) and `q` into query filters. Overdue is computed now. */
export function invoiceFilters(filterable: Record<string, any>, now = new Date()) {
  const { status, q, ...filters } = filterable
  const and: Record<string, unknown>[] = []
  if (status !== undefined) {
    const statuses: string[] = Array.isArray(status) ? status : [status]
    and.push({ $or: statuses.map((s) => invoiceDisplayStatusFilter(s as InvoiceDisplayStatus, now)) })
  }
  if (q) {
    and.push({ display_number: { $ilike: `%${likeEscape(q)}%` } })
  }
  return and.length ? { ...filters, $and: and } : filters
}

export async function refetchInvoice(req: MedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { fields, extra } = withDerivationFields(req.queryConfig?.fields ?? ["*", "lines.*", "payments.*"])
  const { data } = await query.graph({ entity: "portal_invoice", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id "${id}" was not found`)
  }
  return presentInvoice(data[0], new Date(), extra)
}
