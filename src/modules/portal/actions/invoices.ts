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
  // A draft converted from an estimate already holds the deposit paid on it: that money was paid
  // by this customer in this currency, so neither may change under it.
  if (MathBN.gt(current.amount_paid ?? 0, 0)) {
    const paid = `${MathBN.convert(current.amount_paid as never).toString()} ${current.currency_code.toUpperCase()}`
    if (header.currency_code !== current.currency_code) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The currency cannot change: ${paid} was already paid on this invoice (the estimate's deposit); keep ${current.currency_code.toUpperCase()}`
      )
    }
    if (header.customer_id !== current.customer_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The customer cannot change: ${paid} was already paid on this invoice by its customer (the estimate's deposit); create a new invoice for the other customer instead`
      )
    }
  }
  // …and the total may not go below it.
  if (MathBN.lt(amounts.total, current.amount_paid ?? 0)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `The new total ${amounts.total.numeric} is less than the ${MathBN.convert(current.amount_paid as never).toString()} ${header.currency_code.toUpperCase()} already paid on this invoice (the estimate's deposit); keep the total at least that`
    )
  }
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
  const sentAt = new Date()
  // An invoice converted from an estimate whose deposit covered it all has nothing left to pay.
  const settled = MathBN.gt(invoice.total, 0) && MathBN.gte(invoice.amount_paid ?? 0, invoice.total)
  await service.updatePortalInvoices(
    {
      id,
      status: settled ? InvoiceStatus.PAID : InvoiceStatus.SENT,
      display_number:
        invoice.display_number ?? (await allocateDisplayNumber(deps, DocumentKind.INVOICE, sharedContext)),
      sent_at: sentAt,
      ...(settled ? { paid_at: sentAt } : {}),
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
  // A draft converted from an estimate holds the deposit paid on it; deleting the draft would
  // lose that payment (the estimate stays converted and cannot carry it to another invoice).
  const paid = MathBN.convert((invoice.amount_paid ?? 0) as never)
  if (paid.gt(0)) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Invoice ${invoice.display_number ?? id} has ${paid.toString()} ${invoice.currency_code.toUpperCase()} already paid on it (the estimate's deposit), so it cannot be deleted: edit and send it, and the payment counts towards it`
    )
  }
  await deps.service.softDeletePortalInvoices(id, {}, sharedContext)
}

export type InvoicePaymentOptions = {
  allow_partial_payments?: boolean | null
  partial_payment_minimum?: number | string | null
}

/**
 * Whether the customer may pay part of a draft or sent invoice online, and from what amount.
 * A field left out keeps its value; null goes back to the settings' default. Returns what was
 * there before, for the workflow's compensation.
 */
export async function setInvoicePaymentOptions(
  deps: PortalDeps,
  id: string,
  input: InvoicePaymentOptions,
  sharedContext: Context
) {
  const invoice = await lockInvoice(deps, id, sharedContext)
  assertAction("invoice", INVOICE_ACTIONS, "payment_options", invoice)
  const previous = {
    allow_partial_payments: invoice.allow_partial_payments ?? null,
    partial_payment_minimum: invoice.partial_payment_minimum == null ? null : MathBN.convert(invoice.partial_payment_minimum as never).toString(),
  }
  const minimum =
    input.partial_payment_minimum == null
      ? input.partial_payment_minimum
      : parseAmount(input.partial_payment_minimum, "partial_payment_minimum", {
          exclusiveMin: true,
          maxDecimals: currencyDecimals(invoice.currency_code),
        }).toString()
  await deps.service.updatePortalInvoices(
    dmlInput({ id, ...stripUndefined({ allow_partial_payments: input.allow_partial_payments, partial_payment_minimum: minimum }) }),
    sharedContext
  )
  return { invoice: await deps.service.retrievePortalInvoice(id, {}, sharedContext), previous }
}

export type RefundInvoicePaymentInput = {
  /** The invoice payment (`invpay_…`) to refund; may be left out when the invoice has one online payment. */
  invoice_payment_id?: string | null
  amount: unknown
}

/** What a refund changed on the payment, and the refund row it added: put back by the workflow's compensation. */
export type InvoicePaymentRefundState = { id: string; refunded_amount: string; refunded_at: Date | null; refund_id?: string }

/**
 * Records the owner's refund of (part of) an online payment: at most what is left of it
 * (received − refunded so far); the invoice counts it off `amount_paid`, and a paid invoice that
 * no longer is goes back to sent (Unpaid / Partially paid). Offline payments are not refunded
 * here (no money moves through Medusa for them). Runs under the invoice row lock, so two
 * refunds cannot both take the same rest.
 */
export async function refundInvoicePayment(
  deps: PortalDeps,
  id: string,
  input: RefundInvoicePaymentInput,
  sharedContext: Context
) {
  const invoice = await lockInvoice(deps, id, sharedContext)
  assertAction("invoice", INVOICE_ACTIONS, "refund", invoice)
  const number = invoice.display_number ?? invoice.id
  const online = invoice.payments.filter((p) => p.method === InvoicePaymentMethod.STRIPE && p.payment_id)
  const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
  let payment
  if (input.invoice_payment_id) {
    payment = invoice.payments.find((p) => p.id === input.invoice_payment_id)
    if (!payment) {
      throw invalid(`payment_id ${input.invoice_payment_id} is not a payment of invoice ${number}`)
    }
  } else if (online.length === 1) {
    payment = online[0]
  } else {
    throw invalid(
      online.length
        ? `Invoice ${number} has ${online.length} online payments: say which to refund with payment_id (${online.map((p) => p.id).join(", ")})`
        : `Invoice ${number} has no online payment to refund`
    )
  }
  if (payment.method !== InvoicePaymentMethod.STRIPE || !payment.payment_id) {
    throw invalid(`Payment ${payment.id} was not made online: refund it the way it was paid, outside the portal`)
  }
  const refunded = MathBN.convert((payment.refunded_amount ?? 0) as never)
  const left = MathBN.sub(payment.amount as never, refunded)
  const decimals = currencyDecimals(invoice.currency_code)
  const amount = parseAmount(input.amount, "amount", { exclusiveMin: true, maxDecimals: decimals })
  if (amount.gt(left)) {
    throw invalid(
      `amount ${amount.toFixed(decimals)} is more than is left to refund of this payment: ${left.toFixed(decimals)} ${invoice.currency_code.toUpperCase()}`
    )
  }
  const now = new Date()
  await deps.service.updatePortalInvoicePayments(
    dmlInput({ id: payment.id, refunded_amount: refunded.plus(amount).toString(), refunded_at: now }),
    sharedContext
  )
  // Its own row too, dated, for the statement of account (the running total above is what the invoice counts).
  const record = await deps.service.createPortalInvoiceRefunds(
    dmlInput({ invoice_id: id, invoice_payment_id: payment.id, amount: amount.toString(), refunded_at: now }),
    sharedContext
  )
  const previousPayment: InvoicePaymentRefundState = {
    id: payment.id,
    refunded_amount: refunded.toString(),
    refunded_at: payment.refunded_at ?? null,
    refund_id: record.id,
  }
  const amountPaid = MathBN.max(0, MathBN.sub(invoice.amount_paid as never, amount))
  const reopened = invoice.status === InvoiceStatus.PAID && amountPaid.lt(invoice.total as never)
  await deps.service.updatePortalInvoices(
    dmlInput({ id, amount_paid: amountPaid.toString(), ...(reopened ? { status: InvoiceStatus.SENT, paid_at: null } : {}) }),
    sharedContext
  )
  return {
    invoice: await deps.service.retrievePortalInvoice(id, WITH_LINES_AND_PAYMENTS, sharedContext),
    previous: pickInvoiceState(invoice),
    previous_payment: previousPayment,
    refund: {
      invoice_payment_id: payment.id,
      medusa_payment_id: payment.payment_id,
      amount: amount.toNumber(),
      refunded_at: now,
    },
    reopened,
  }
}

/** Compensation of `refundInvoicePayment`: the payment and the invoice as they were. */
export async function revertInvoiceRefund(
  deps: PortalDeps,
  previousPayment: InvoicePaymentRefundState,
  previous: InvoiceState,
  sharedContext: Context
) {
  const { refund_id, ...payment } = previousPayment
  if (refund_id) {
    await deps.service.deletePortalInvoiceRefunds(refund_id, sharedContext)
  }
  await deps.service.updatePortalInvoicePayments(dmlInput(payment), sharedContext)
  await restoreInvoiceState(deps, previous, sharedContext)
}
