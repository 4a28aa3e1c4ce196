import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { requireCustomerId } from "../../../lib/document-input"
import { roundToCurrency } from "../../../lib/money"
import { invoiceDisplayStatusRange } from "../../../lib/status"
import type { StatementLedger } from "../../../lib/statement"
import type { ModuleEstimate, ModuleInvoice, ModuleLogPortalEvent } from "../../../types/module"
import { EstimateStatus, InvoiceStatus } from "../constants"
import { portalEventRow } from "./events"
import type { PortalDeps } from "./types"

// Every read a customer triggers goes through these: the customer id comes from the session,
// never from the request, and another customer's document is "not found", like a missing one.

/** What a customer may see: sent and paid invoices (never drafts, never void)… */
const VISIBLE_INVOICE = [InvoiceStatus.SENT, InvoiceStatus.PAID]
/** …and every sent estimate, pending or decided (never drafts). */
const VISIBLE_ESTIMATE = [EstimateStatus.SENT, EstimateStatus.ACCEPTED, EstimateStatus.REJECTED]

export type CustomerListInput<S> = { status?: S; limit?: number; offset?: number }

/** One page and the full count, in one statement (see PortalSqlRepository.customerInvoicePage). */
export async function listCustomerInvoices(
  { sql }: PortalDeps,
  customerId: string,
  { status, limit = 20, offset = 0 }: CustomerListInput<"unpaid" | "overdue" | "paid">,
  sharedContext: Context
) {
  const filter = status ? invoiceDisplayStatusRange(status) : { statuses: [...VISIBLE_INVOICE] }
  const { rows, count } = await sql.customerInvoicePage(requireCustomerId(customerId), filter, { limit, offset }, sharedContext)
  return [rows as unknown as ModuleInvoice[], count] as const
}

export async function retrieveCustomerInvoice({ service }: PortalDeps, customerId: string, id: string, sharedContext: Context) {
  const [invoice] = await service.listPortalInvoices(
    { id, customer_id: requireCustomerId(customerId), status: VISIBLE_INVOICE },
    // Joined: the invoice, its lines and its payments in one statement instead of three. No
    // `take`: with a limit MikroORM pages over the joined rows in a grouped subquery that joins
    // every line and payment of the table (10 s at 1 M invoices); `id` already selects one.
    { relations: ["lines", "payments"], options: { strategy: "joined" } },
    sharedContext
  )
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id "${id}" was not found`)
  }
  return invoice
}

/**
 * The same invoice for the customer's own view of it, in one statement (see
 * PortalSqlRepository.customerInvoiceDetail): with `view`, the view is logged by that statement,
 * and only when the invoice was found.
 */
export async function retrieveCustomerInvoiceDetail(
  { sql }: PortalDeps,
  customerId: string,
  id: string,
  { view }: { view?: ModuleLogPortalEvent },
  sharedContext: Context
) {
  const invoice = await sql.customerInvoiceDetail(
    requireCustomerId(customerId),
    id,
    [...VISIBLE_INVOICE],
    view ? portalEventRow(view) : null,
    sharedContext
  )
  if (!invoice) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id "${id}" was not found`)
  }
  return invoice as unknown as ModuleInvoice
}

export async function listCustomerEstimates(
  { sql }: PortalDeps,
  customerId: string,
  { status, limit = 20, offset = 0 }: CustomerListInput<"pending" | "accepted" | "rejected">,
  sharedContext: Context
) {
  const stored = status === "pending" ? [EstimateStatus.SENT] : status ? [status] : VISIBLE_ESTIMATE
  const { rows, count } = await sql.customerEstimatePage(
    requireCustomerId(customerId),
    { statuses: [...stored] },
    { limit, offset },
    sharedContext
  )
  return [rows as unknown as ModuleEstimate[], count] as const
}

export async function retrieveCustomerEstimate({ service }: PortalDeps, customerId: string, id: string, sharedContext: Context) {
  const [estimate] = await service.listPortalEstimates(
    { id, customer_id: requireCustomerId(customerId), status: VISIBLE_ESTIMATE },
    // Joined, without `take` (see retrieveCustomerInvoice).
    { relations: ["lines"], options: { strategy: "joined" } },
    sharedContext
  )
  if (!estimate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
  }
  return estimate
}

/** The same estimate for the customer's own view of it, in one statement (see retrieveCustomerInvoiceDetail). */
export async function retrieveCustomerEstimateDetail(
  { sql }: PortalDeps,
  customerId: string,
  id: string,
  { view }: { view?: ModuleLogPortalEvent },
  sharedContext: Context
) {
  const estimate = await sql.customerEstimateDetail(
    requireCustomerId(customerId),
    id,
    [...VISIBLE_ESTIMATE],
    view ? portalEventRow(view) : null,
    sharedContext
  )
  if (!estimate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
  }
  return estimate as unknown as ModuleEstimate
}

/** The home page's figures, for one customer: open balance per currency, overdue, pending. */
export async function retrieveCustomerSummary({ sql }: PortalDeps, customerId: string, sharedContext: Context) {
  // One statement (see PortalSqlRepository.customerSummary).
  const { balances, pending_estimates } = await sql.customerSummary(requireCustomerId(customerId), new Date(), sharedContext)
  return {
    balances: balances.map((b) => ({
      currency_code: b.currency_code,
      // Exact decimal sum from PostgreSQL, rounded as every other amount: "Pay $X" is this figure.
      open_amount: roundToCurrency(b.open_amount, b.currency_code).toNumber(),
      invoice_count: Number(b.invoice_count),
      /** Where "Pay" goes straight to when one invoice makes up the balance. */
      invoice_id: Number(b.invoice_count) === 1 ? b.invoice_id : null,
    })),
    overdue_count: balances.reduce((n, b) => n + Number(b.overdue), 0),
    pending_estimates,
  }
}

/**
 * The customer's ledger up to `end` (exclusive) for their statement: visible invoices only (a
 * void invoice and its payments never appear), in one statement (PortalSqlRepository.customerLedger).
 */
export async function retrieveCustomerLedger({ sql }: PortalDeps, customerId: string, end: Date, sharedContext: Context): Promise<StatementLedger> {
  const rows = await sql.customerLedger(requireCustomerId(customerId), [...VISIBLE_INVOICE], end, sharedContext)
  const ledger: StatementLedger = { invoices: [], payments: [], refunds: [] }
  for (const row of rows) {
    if (row.kind === "invoice") {
      ledger.invoices.push({
        id: row.id,
        number: row.number,
        currency_code: row.currency_code!,
        issue_date: row.at,
        due_date: row.due_date,
        total: row.amount,
      })
    } else if (row.kind === "refund") {
      ledger.refunds!.push({ id: row.id, invoice_id: row.invoice_id, amount: row.amount, refunded_at: row.at })
    } else {
      ledger.payments.push({ id: row.id, invoice_id: row.invoice_id, amount: row.amount, paid_at: row.at, method: row.method! })
    }
  }
  return ledger
}
