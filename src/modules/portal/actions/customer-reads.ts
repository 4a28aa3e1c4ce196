import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { requireCustomerId } from "../../../lib/document-input"
import { invoiceDisplayStatusFilter } from "../../../lib/status"
import { EstimateStatus, InvoiceStatus } from "../constants"
import type { PortalDeps } from "./types"

// Every read a customer triggers goes through these: the customer id comes from the session,
// never from the request, and another customer's document is "not found", like a missing one.

/** What a customer may see: sent and paid invoices (never drafts, never void)… */
const VISIBLE_INVOICE = [InvoiceStatus.SENT, InvoiceStatus.PAID]
/** …and every sent estimate, pending or decided (never drafts). */
const VISIBLE_ESTIMATE = [EstimateStatus.SENT, EstimateStatus.ACCEPTED, EstimateStatus.REJECTED]
const NEWEST_FIRST = { issue_date: "DESC", id: "DESC" } as const

export type CustomerListInput<S> = { status?: S; limit?: number; offset?: number }

export async function listCustomerInvoices(
  { service }: PortalDeps,
  customerId: string,
  { status, limit = 20, offset = 0 }: CustomerListInput<"unpaid" | "overdue" | "paid">,
  sharedContext: Context
) {
  const filters: Record<string, unknown> = {
    customer_id: requireCustomerId(customerId),
    ...(status ? invoiceDisplayStatusFilter(status) : { status: VISIBLE_INVOICE }),
  }
  return service.listAndCountPortalInvoices(filters, { take: limit, skip: offset, order: NEWEST_FIRST }, sharedContext)
}

export async function retrieveCustomerInvoice({ service }: PortalDeps, customerId: string, id: string, sharedContext: Context) {
  const [invoice] = await service.listPortalInvoices(
    { id, customer_id: requireCustomerId(customerId), status: VISIBLE_INVOICE },
    { relations: ["lines", "payments"], take: 1 },
    sharedContext
  )
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id "${id}" was not found`)
  }
  return invoice
}

export async function listCustomerEstimates(
  { service }: PortalDeps,
  customerId: string,
  { status, limit = 20, offset = 0 }: CustomerListInput<"pending" | "accepted" | "rejected">,
  sharedContext: Context
) {
  const stored = status === "pending" ? [EstimateStatus.SENT] : status ? [status] : VISIBLE_ESTIMATE
  return service.listAndCountPortalEstimates(
    { customer_id: requireCustomerId(customerId), status: stored },
    { take: limit, skip: offset, order: NEWEST_FIRST },
    sharedContext
  )
}

export async function retrieveCustomerEstimate({ service }: PortalDeps, customerId: string, id: string, sharedContext: Context) {
  const [estimate] = await service.listPortalEstimates(
    { id, customer_id: requireCustomerId(customerId), status: VISIBLE_ESTIMATE },
    { relations: ["lines"], take: 1 },
    sharedContext
  )
  if (!estimate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
  }
  return estimate
}

/** The home page's figures, for one customer: open balance per currency, overdue, pending. */
export async function retrieveCustomerSummary({ sql }: PortalDeps, customerId: string, sharedContext: Context) {
  const balances = await sql.customerInvoiceBalances(requireCustomerId(customerId), new Date(), sharedContext)
  const pending = await sql.countPendingEstimates(customerId, sharedContext)
  return {
    balances: balances.map((b) => ({ currency_code: b.currency_code, open_amount: Number(b.open_amount) })),
    overdue_count: balances.reduce((n, b) => n + Number(b.overdue), 0),
    pending_estimates: pending,
  }
}
