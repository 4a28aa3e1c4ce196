import type { Context } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { linesAsInput, optionalDate, optionalText, parseDate, prepareLines } from "../../../lib/document-input"
import { currencyDecimals, openAmount, parseAmount } from "../../../lib/money"
import { assertAction, INVOICE_ACTIONS } from "../../../lib/transitions"
import type { ModuleCreateInvoice, ModuleUpdateInvoice } from "../../../types/module"
import { DocumentKind, InvoicePaymentMethod, InvoiceStatus } from "../constants"
import { assertNotBefore, dmlInput, prepareHeader, stripUndefined } from "./document-input"
import { InvoiceState, pickInvoiceState } from "./document-state"
import { allocateDisplayNumber } from "./numbering"
import { recordEmailDue } from "./emails-due"
import type { PortalDeps } from "./types"

// Every function here runs inside the caller's transaction (`sharedContext.transactionManager`).

const WITH_LINES_AND_PAYMENTS = { relations: ["lines", "payments"] }

/** Locks an invoice row for the rest of the transaction and reads it with lines and payments. */
export async function lockInvoice({ service, sql }: PortalDeps, id: string, sharedContext: Context) {
  if (!(await sql.lockInvoice(id, sharedContext))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id "${id}" was not found`)
  }
  return service.retrievePortalInvoice(id, WITH_LINES_AND_PAYMENTS, sharedContext)
}

/** Creates a draft invoice with its lines; totals are computed here, never taken from input. */
export async function createDraftInvoice({ service }: PortalDeps, input: ModuleCreateInvoice, sharedContext: Context) {
  const header = prepareHeader(input)
  const dueDate = optionalDate(input.due_date, "due_date")
  assertNotBefore(dueDate, header.issue_date, "due_date")
  const amounts = prepareLines(input.lines ?? [], header.currency_code)
  const invoice = await service.createPortalInvoices(
    dmlInput({
      ...header,
      due_date: dueDate,
      estimate_id: input.estimate_id ?? null,
      order_id: input.order_id ?? null,
      status: InvoiceStatus.DRAFT,
      subtotal: amounts.subtotal,
      tax_total: amounts.tax_total,
      total: amounts.total,
    }),
    sharedContext
  )
  if (amounts.lines.length) {
    await service.createPortalInvoiceLines(
      dmlInput(amounts.lines.map((line) => ({ ...line, invoice_id: invoice.id }))),
      sharedContext
    )
  }
  return invoice.id
}

/** Edits a draft; `lines`, when given, replace all lines. Anything but a draft is refused. */
export async function updateDraftInvoice(
  { service }: PortalDeps,
  id: string,
  input: ModuleUpdateInvoice,
  sharedContext: Context
) {
  const current = await service.retrievePortalInvoice(id, { relations: ["lines"] }, sharedContext)
  assertAction("invoice", INVOICE_ACTIONS, "edit", current)
  const header = prepareHeader({ ...current, ...stripUndefined(input) })
  const dueDate = input.due_date === undefined ? current.due_date : optionalDate(input.due_date, "due_date")
  assertNotBefore(dueDate, header.issue_date, "due_date")
  const amounts = prepareLines(input.lines ?? linesAsInput(current.lines), header.currency_code)
  await service.deletePortalInvoiceLines(
    current.lines.map((l) => l.id),
    sharedContext
  )
  await service.updatePortalInvoices(
    dmlInput({
      id,
      ...header,
      due_date: dueDate,
      subtotal: amounts.subtotal,
      tax_total: amounts.tax_total,
      total: amounts.total,
    }),
    sharedContext
  )
  if (amounts.lines.length) {
    await service.createPortalInvoiceLines(
      dmlInput(amounts.lines.map((line) => ({ ...line, invoice_id: id }))),
      sharedContext
    )
  }
}

/**
 * draft → sent, allocating the display number; a sent invoice is re-sent unchanged.
 * Refuses an invoice without lines.
 */
export async function sendInvoice(deps: PortalDeps, id: string, sharedContext: Context) {
  const { service } = deps
  const invoice = await lockInvoice(deps, id, sharedContext)
  assertAction("invoice", INVOICE_ACTIONS, "send", invoice)
  const previous = pickInvoiceState(invoice)
  // The email this send owes, in the same transaction: a process that dies before emailing
  // leaves it for the send-due-portal-emails job.
  const owe = () => recordEmailDue(deps, { customer_id: invoice.customer_id, subject_type: "invoice", subject_id: id }, sharedContext)
  if (invoice.status === InvoiceStatus.SENT) {
    return { invoice, previous, resent: true, email_due_id: await owe() }
  }
  if (!invoice.lines.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Add at least one line to the invoice before sending it")
  }
  await service.updatePortalInvoices(
    {
      id,
      status: InvoiceStatus.SENT,
      display_number:
        invoice.display_number ?? (await allocateDisplayNumber(deps, DocumentKind.INVOICE, sharedContext)),
      sent_at: new Date(),
    },
    sharedContext
  )
  const email_due_id = await owe()
  return { invoice: await service.retrievePortalInvoice(id, WITH_LINES_AND_PAYMENTS, sharedContext), previous, resent: false, email_due_id }
}

/** sent → void. Voiding a void invoice again changes nothing. */
export async function voidInvoice(deps: PortalDeps, id: string, sharedContext: Context) {
  const { service } = deps
  const invoice = await lockInvoice(deps, id, sharedContext)
  assertAction("invoice", INVOICE_ACTIONS, "void", invoice)
  const previous = pickInvoiceState(invoice)
  if (invoice.status === InvoiceStatus.VOID) {
    return { invoice, previous, changed: false }
  }
  await service.updatePortalInvoices({ id, status: InvoiceStatus.VOID, voided_at: new Date() }, sharedContext)
  return { invoice: await service.retrievePortalInvoice(id, WITH_LINES_AND_PAYMENTS, sharedContext), previous, changed: true }
}

export type RecordInvoicePaymentInput = {
  amount: unknown
  method: InvoicePaymentMethod
  paid_at?: Date | string | null
  reference?: string | null
  payment_id?: string | null
  up_to_open_amount?: boolean
}

/**
 * Records a payment against a sent invoice. It may not exceed the open amount; paying the
 * open amount marks the invoice paid. A payment with a `payment_id` already recorded (a
 * replayed online payment) is returned as it is, not recorded twice.
 *
 * `up_to_open_amount` is for money already taken (a card capture): instead of refusing, it
 * records only what is still due — nothing on a paid or void invoice — and the caller refunds
 * the rest. The cap is computed under the invoice row lock, so two captures cannot both fill it.
 */
export async function recordInvoicePayment(
  deps: PortalDeps,
  id: string,
  input: RecordInvoicePaymentInput,
  sharedContext: Context
) {
  const { service } = deps
  const invoice = await lockInvoice(deps, id, sharedContext)
  if (input.payment_id) {
    const existing = invoice.payments.find((p) => p.payment_id === input.payment_id)
    if (existing) {
      return { invoice, payment: existing, previous: pickInvoiceState(invoice), recorded: false, paid: false }
    }
  }
  const open = openAmount(invoice.total, invoice.amount_paid)
  if (input.up_to_open_amount && (invoice.status !== InvoiceStatus.SENT || !MathBN.gt(open, 0))) {
    return { invoice, payment: null, previous: pickInvoiceState(invoice), recorded: false, paid: false }
  }
  assertAction("invoice", INVOICE_ACTIONS, "pay", invoice)
  if (!Object.values(InvoicePaymentMethod).includes(input.method)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `method must be one of ${Object.values(InvoicePaymentMethod).join(", ")}`)
  }
  const taken = parseAmount(input.amount, "amount", {
    exclusiveMin: true,
    maxDecimals: currencyDecimals(invoice.currency_code),
  })
  const amount = input.up_to_open_amount && taken.gt(open.numeric) ? MathBN.convert(open.numeric) : taken
  if (amount.gt(open.numeric)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `amount ${amount.toString()} exceeds the open amount of ${open.numeric} ${invoice.currency_code.toUpperCase()}`
    )
  }
  const paidAt = input.paid_at == null ? new Date() : parseDate(input.paid_at, "paid_at")
  const payment = await service.createPortalInvoicePayments(
    dmlInput({
      invoice_id: id,
      amount: amount.toString(),
      method: input.method,
      paid_at: paidAt,
      reference: optionalText(input.reference, "reference", 500),
      payment_id: input.payment_id ?? null,
    }),
    sharedContext
  )
  const amountPaid = amount.plus(invoice.amount_paid)
  const paid = amountPaid.gte(invoice.total)
  await service.updatePortalInvoices(
    dmlInput({
      id,
      amount_paid: amountPaid.toString(),
      ...(paid ? { status: InvoiceStatus.PAID, paid_at: paidAt } : {}),
    }),
    sharedContext
  )
  return {
    invoice: await service.retrievePortalInvoice(id, WITH_LINES_AND_PAYMENTS, sharedContext),
    payment,
    previous: pickInvoiceState(invoice),
    recorded: true,
    paid,
  }
}

/** Compensation of the invoice transitions: puts back the state captured before. */
export async function restoreInvoiceState({ service }: PortalDeps, previous: InvoiceState, sharedContext: Context) {
  await service.updatePortalInvoices(dmlInput(previous), sharedContext)
}

/** Compensation of `recordInvoicePayment`: removes the payment and restores the invoice. */
export async function revertInvoicePayment(
  deps: PortalDeps,
  paymentId: string,
  previous: InvoiceState,
  sharedContext: Context
) {
  await deps.service.deletePortalInvoicePayments(paymentId, sharedContext)
  await restoreInvoiceState(deps, previous, sharedContext)
}

/** Soft-deletes a draft invoice with its lines. */
export async function deleteDraftInvoice(deps: PortalDeps, id: string, sharedContext: Context) {
  const invoice = await lockInvoice(deps, id, sharedContext)
  assertAction("invoice", INVOICE_ACTIONS, "delete", invoice)
  await deps.service.softDeletePortalInvoices(id, {}, sharedContext)
}
