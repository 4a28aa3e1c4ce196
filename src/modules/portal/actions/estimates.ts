import type { Context } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { linesAsInput, optionalDate, optionalText, prepareLines } from "../../../lib/document-input"
import { ApprovalPolicy, DecisionSignature, estimateFingerprint, signDecision } from "../../../lib/approval"
import { serializePortalEstimateDetail } from "../../../lib/serializers"
import { nextRevision, revisedValidUntil, throwIfAlreadyRevised } from "../../../lib/estimate-revision"
import { isEstimateExpired } from "../../../lib/status"
import { assertAction, ESTIMATE_ACTIONS } from "../../../lib/transitions"
import type { ModuleCreateEstimate, ModuleUpdateEstimate } from "../../../types/module"
import { DocumentKind, EstimateStatus, InvoicePaymentMethod } from "../constants"
import { assertNotBefore, dmlInput, prepareHeader, stripUndefined } from "./document-input"
import { EstimateState, pickEstimateState } from "./document-state"
import { createDraftInvoice } from "./invoices"
import { depositDue, parseDepositSetting } from "../../../lib/deposit"
import { allocateDisplayNumber } from "./numbering"
import { recordEmailDue } from "./emails-due"
import type { PortalDeps } from "./types"

// Every function here runs inside the caller's transaction (`sharedContext.transactionManager`).

// Joined: the estimate and its lines in one statement.
const WITH_LINES = { relations: ["lines"], options: { strategy: "joined" } }

/** Locks an estimate row for the rest of the transaction and reads it with its lines. */
export async function lockEstimate({ service, sql }: PortalDeps, id: string, sharedContext: Context) {
  if (!(await sql.lockEstimate(id, sharedContext))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
  }
  return service.retrievePortalEstimate(id, WITH_LINES, sharedContext)
}

/** Fields only the module sets on a new draft (a revision's number, version and original). */
type DraftOwnFields = {
  display_number?: string
  revision?: number
  revision_of_id?: string
  deposit_type?: string | null
  deposit_value?: string | null
}

export async function createDraftEstimate(
  { service }: PortalDeps,
  input: ModuleCreateEstimate,
  sharedContext: Context,
  own: DraftOwnFields = {}
) {
  const header = prepareHeader(input)
  const validUntil = optionalDate(input.valid_until, "valid_until")
  assertNotBefore(validUntil, header.issue_date, "valid_until")
  const amounts = prepareLines(input.lines ?? [], header.currency_code)
  const estimate = await service.createPortalEstimates(
    dmlInput({
      ...header,
      valid_until: validUntil,
      ...own,
      status: EstimateStatus.DRAFT,
      subtotal: amounts.subtotal,
      tax_total: amounts.tax_total,
      total: amounts.total,
    }),
    sharedContext
  )
  if (amounts.lines.length) {
    await service.createPortalEstimateLines(
      dmlInput(amounts.lines.map((line) => ({ ...line, estimate_id: estimate.id }))),
      sharedContext
    )
  }
  return estimate.id
}

export async function updateDraftEstimate(
  { service }: PortalDeps,
  id: string,
  input: ModuleUpdateEstimate,
  sharedContext: Context
) {
  const current = await service.retrievePortalEstimate(id, WITH_LINES, sharedContext)
  assertAction("estimate", ESTIMATE_ACTIONS, "edit", current)
  const header = prepareHeader({ ...current, ...stripUndefined(input) })
  const validUntil =
    input.valid_until === undefined ? current.valid_until : optionalDate(input.valid_until, "valid_until")
  assertNotBefore(validUntil, header.issue_date, "valid_until")
  const amounts = prepareLines(input.lines ?? linesAsInput(current.lines), header.currency_code)
  await service.deletePortalEstimateLines(
    current.lines.map((l) => l.id),
    sharedContext
  )
  await service.updatePortalEstimates(
    dmlInput({
      id,
      ...header,
      valid_until: validUntil,
      subtotal: amounts.subtotal,
      tax_total: amounts.tax_total,
      total: amounts.total,
    }),
    sharedContext
  )
  if (amounts.lines.length) {
    await service.createPortalEstimateLines(
      dmlInput(amounts.lines.map((line) => ({ ...line, estimate_id: id }))),
      sharedContext
    )
  }
}

/** draft → sent, allocating the display number; a sent estimate is re-sent unchanged. */
export async function sendEstimate(deps: PortalDeps, id: string, sharedContext: Context) {
  const { service } = deps
  const estimate = await lockEstimate(deps, id, sharedContext)
  assertAction("estimate", ESTIMATE_ACTIONS, "send", estimate)
  const previous = pickEstimateState(estimate)
  // The email this send owes, in the same transaction: a process that dies before emailing
  // leaves it for the send-due-portal-emails job.
  const owe = () => recordEmailDue(deps, { customer_id: estimate.customer_id, subject_type: "estimate", subject_id: id }, sharedContext)
  if (estimate.status === EstimateStatus.SENT) {
    return { estimate, previous, resent: true, email_due_id: await owe() }
  }
  if (!estimate.lines.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Add at least one line to the estimate before sending it")
  }
  await service.updatePortalEstimates(
    {
      id,
      status: EstimateStatus.SENT,
      display_number:
        estimate.display_number ?? (await allocateDisplayNumber(deps, DocumentKind.ESTIMATE, sharedContext)),
      sent_at: new Date(),
    },
    sharedContext
  )
  const email_due_id = await owe()
  return { estimate: await service.retrievePortalEstimate(id, WITH_LINES, sharedContext), previous, resent: false, email_due_id }
}

export async function restoreEstimateState({ service }: PortalDeps, previous: EstimateState, sharedContext: Context) {
  await service.updatePortalEstimates(dmlInput(previous), sharedContext)
}

export async function deleteDraftEstimate(deps: PortalDeps, id: string, sharedContext: Context) {
  const estimate = await lockEstimate(deps, id, sharedContext)
  assertAction("estimate", ESTIMATE_ACTIONS, "delete", estimate)
  await deps.service.softDeletePortalEstimates(id, {}, sharedContext)
}

/**
 * Turns an accepted estimate into a new draft invoice with the same customer, currency, notes
 * and lines, linked both ways. An estimate converts once. Returns the new invoice's id.
 */
export async function convertEstimateToInvoice(
  deps: PortalDeps,
  id: string,
  input: { due_date?: Date | string | null },
  sharedContext: Context
) {
  const estimate = await lockEstimate(deps, id, sharedContext)
  assertAction("estimate", ESTIMATE_ACTIONS, "convert", estimate)
  if (estimate.invoice_id) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Estimate ${estimate.display_number ?? id} was already converted into invoice ${estimate.invoice_id}`
    )
  }
  const invoiceId = await createDraftInvoice(
    deps,
    {
      customer_id: estimate.customer_id,
      currency_code: estimate.currency_code,
      notes: estimate.notes,
      internal_note: estimate.internal_note,
      due_date: input.due_date ?? null,
      estimate_id: estimate.id,
      lines: linesAsInput(estimate.lines),
    },
    sharedContext
  )
  await carryDepositOver(deps, estimate, invoiceId, sharedContext)
  await deps.service.updatePortalEstimates({ id, invoice_id: invoiceId }, sharedContext)
  return invoiceId
}

/**
 * The deposit the customer paid online becomes a payment on the new invoice (same Medusa payment,
 * so the owner can refund it from the invoice), and the invoice counts it as paid: once sent it
 * shows Partially paid and asks for the rest.
 */
async function carryDepositOver(
  { service }: PortalDeps,
  estimate: { display_number: string | null; id: string; deposit_paid?: unknown; deposit_payment_id?: string | null; deposit_paid_at?: Date | null },
  invoiceId: string,
  sharedContext: Context
) {
  const paid = MathBN.convert((estimate.deposit_paid ?? 0) as never)
  if (!estimate.deposit_payment_id || !paid.gt(0)) {
    return
  }
  await service.createPortalInvoicePayments(
    dmlInput({
      invoice_id: invoiceId,
      amount: paid.toString(),
      method: InvoicePaymentMethod.STRIPE,
      paid_at: estimate.deposit_paid_at ?? new Date(),
      reference: `Deposit on estimate ${estimate.display_number ?? estimate.id}`,
      payment_id: estimate.deposit_payment_id,
    }),
    sharedContext
  )
  await service.updatePortalInvoices(dmlInput({ id: invoiceId, amount_paid: paid.toString() }), sharedContext)
}

/** What `setEstimateDeposit` changed, for the workflow's compensation. */
export type EstimateDepositSetting = { id: string; deposit_type: string | null; deposit_value: string | null }

/**
 * The owner sets (or clears, with type null) the deposit of a draft or pending estimate: a
 * percentage of the total or a fixed amount, checked by `parseDepositSetting`. Under the row
 * lock, so it cannot cross the customer's decision.
 */
export async function setEstimateDeposit(
  deps: PortalDeps,
  id: string,
  input: { type: string | null; value?: unknown },
  sharedContext: Context
) {
  const estimate = await lockEstimate(deps, id, sharedContext)
  assertAction("estimate", ESTIMATE_ACTIONS, "deposit", estimate)
  const setting = parseDepositSetting(input, estimate)
  const previous: EstimateDepositSetting = {
    id,
    deposit_type: estimate.deposit_type ?? null,
    deposit_value: estimate.deposit_value == null ? null : MathBN.convert(estimate.deposit_value as never).toString(),
  }
  await deps.service.updatePortalEstimates(dmlInput({ id, ...setting }), sharedContext)
  return { estimate: await deps.service.retrievePortalEstimate(id, {}, sharedContext), previous }
}

/** Compensation of `setEstimateDeposit`. */
export async function restoreEstimateDeposit({ service }: PortalDeps, previous: EstimateDepositSetting, sharedContext: Context) {
  await service.updatePortalEstimates(dmlInput(previous), sharedContext)
}

/** What `recordEstimateDeposit` changed, for the workflow's compensation. */
export type EstimateDepositPayment = { id: string; deposit_paid: string; deposit_payment_id: string | null; deposit_paid_at: Date | null }

/**
 * A captured card payment for an estimate's deposit: recorded up to what is still due of the
 * deposit (`depositDue`) — nothing once the estimate was converted, or when another payment
 * already paid it — under the row lock, so two captures cannot both fill it. The same payment
 * again (a replayed webhook) is found recorded and changes nothing. Returns what this payment
 * counts for, so the caller refunds the rest.
 */
export async function recordEstimateDeposit(
  deps: PortalDeps,
  id: string,
  input: { payment_id: string; amount: number; paid_at: Date },
  sharedContext: Context
) {
  const estimate = await lockEstimate(deps, id, sharedContext)
  const previous: EstimateDepositPayment = {
    id,
    deposit_paid: MathBN.convert((estimate.deposit_paid ?? 0) as never).toString(),
    deposit_payment_id: estimate.deposit_payment_id ?? null,
    deposit_paid_at: estimate.deposit_paid_at ?? null,
  }
  if (estimate.deposit_payment_id) {
    return { estimate, previous, recorded: false as const }
  }
  const due = depositDue(estimate)
  if (!MathBN.gt(due, 0)) {
    return { estimate, previous, recorded: false as const }
  }
  const amount = MathBN.min(input.amount, due)
  await deps.service.updatePortalEstimates(
    dmlInput({
      id,
      deposit_paid: MathBN.add(previous.deposit_paid, amount).toString(),
      deposit_payment_id: input.payment_id,
      deposit_paid_at: input.paid_at,
    }),
    sharedContext
  )
  return { estimate: await deps.service.retrievePortalEstimate(id, {}, sharedContext), previous, recorded: true as const }
}

/** Compensation of `recordEstimateDeposit`. */
export async function revertEstimateDeposit({ service }: PortalDeps, previous: EstimateDepositPayment, sharedContext: Context) {
  await service.updatePortalEstimates(dmlInput(previous), sharedContext)
}

/**
 * Re-opens a rejected estimate as a new draft (issue #14): same customer, currency, notes, deposit and
 * lines, numbered after the original (EST-0007 → EST-0007-2, see `nextRevision`) and pointing
 * back at it. The original and its decision records are not touched. Under the original's row
 * lock, so two revise requests at once give one revision and one 409. Returns the new id.
 */
export async function reviseEstimate(deps: PortalDeps, id: string, sharedContext: Context) {
  const original = await lockEstimate(deps, id, sharedContext)
  assertAction("estimate", ESTIMATE_ACTIONS, "revise", original)
  const [newer] = await deps.service.listPortalEstimates(
    { revision_of_id: id },
    { select: ["id", "display_number"], take: 1 },
    sharedContext
  )
  throwIfAlreadyRevised(original, newer)
  const next = nextRevision(original)
  const issueDate = new Date()
  return createDraftEstimate(
    deps,
    {
      customer_id: original.customer_id,
      currency_code: original.currency_code,
      issue_date: issueDate,
      valid_until: revisedValidUntil(original, issueDate),
      notes: original.notes,
      internal_note: original.internal_note,
      lines: linesAsInput(original.lines),
    },
    sharedContext,
    {
      display_number: next.display_number,
      revision: next.revision,
      revision_of_id: original.id,
      // The owner's deposit stays asked on the new version: a revision that silently dropped it
      // would let the customer approve without being asked for the deposit.
      deposit_type: original.deposit_type ?? null,
      deposit_value: original.deposit_value == null ? null : MathBN.convert(original.deposit_value as never).toString(),
    }
  )
}

/** Compensation of `convertEstimateToInvoice`. */
export async function revertEstimateConversion(
  { service }: PortalDeps,
  estimateId: string,
  invoiceId: string,
  sharedContext: Context
) {
  await service.updatePortalEstimates({ id: estimateId, invoice_id: null }, sharedContext)
  await service.deletePortalInvoices(invoiceId, sharedContext)
}

export type DecideEstimateInput = {
  decision: "accepted" | "rejected"
  note?: string | null
  /** What the customer typed and ticked on the confirmation step. */
  signature?: DecisionSignature
  /** The owner's approval settings at the time of the request. */
  policy: ApprovalPolicy
  /** The fingerprint of the estimate the customer was shown; a storefront may leave it out. */
  seen_hash?: string | null
  /** Where the decision came from, for the record. */
  origin?: { portal_session_id?: string | null; ip?: string | null; user_agent?: string | null }
}

/**
 * The customer's decision on a sent estimate. Repeating the decision already made changes
 * nothing; the opposite one is a 409; an expired estimate cannot be accepted; an estimate that
 * changed since the customer was shown it (its fingerprint differs) is a 409 too. Another
 * customer's estimate, or a draft, is "not found". A real decision writes the estimate's status
 * and its append-only record in one statement.
 */
export async function decideEstimate(
  deps: PortalDeps,
  customerId: string,
  id: string,
  input: DecideEstimateInput,
  sharedContext: Context
) {
  // Input first: a bad signature changes nothing and takes no lock.
  const signed = signDecision(input.decision, input.policy, input.signature ?? {})
  const note = optionalText(input.note, "note", 2000)
  const estimate = await lockEstimate(deps, id, sharedContext)
  if (estimate.customer_id !== customerId || estimate.status === EstimateStatus.DRAFT) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
  }
  const previous = pickEstimateState(estimate)
  if (estimate.status === input.decision) {
    return { estimate, previous, changed: false as const, record: null }
  }
  if (estimate.status !== EstimateStatus.SENT) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Estimate ${estimate.display_number} was already ${estimate.status}; the decision cannot be changed here. Please contact the business.`
    )
  }
  if (input.decision === EstimateStatus.ACCEPTED && isEstimateExpired(estimate)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Estimate ${estimate.display_number} expired on ${new Date(estimate.valid_until!).toISOString().slice(0, 10)} and can no longer be accepted. Please ask the business for a new estimate.`
    )
  }
  const shown = serializePortalEstimateDetail(estimate)
  const documentHash = estimateFingerprint(shown, input.policy.terms)
  if (input.seen_hash && input.seen_hash !== documentHash) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Estimate ${estimate.display_number} changed since you opened it. Please review it again and then decide.`
    )
  }
  const decidedAt = new Date()
  const record = await deps.sql.decideEstimate(
    {
      estimate_id: id,
      customer_id: customerId,
      decision: input.decision,
      ...signed,
      note,
      document_hash: documentHash,
      display_number: estimate.display_number,
      currency_code: estimate.currency_code,
      total: shown.total,
      portal_session_id: input.origin?.portal_session_id ?? null,
      ip: input.origin?.ip ?? null,
      user_agent: input.origin?.user_agent?.slice(0, 1000) ?? null,
      decided_at: decidedAt,
    },
    sharedContext
  )
  // The locked read plus what the statement wrote: no read after the write.
  const decided = Object.assign(estimate, { status: input.decision, decided_at: decidedAt, decision_note: note })
  return { estimate: decided, previous, changed: true as const, record }
}

/** Compensation of `decideEstimate`: removes the record it inserted and puts the estimate back. */
export async function revertEstimateDecision(
  deps: PortalDeps,
  recordId: string,
  previous: EstimateState,
  sharedContext: Context
) {
  await deps.sql.removeDecisionInCompensation(recordId, sharedContext)
  await restoreEstimateState(deps, previous, sharedContext)
}

/** An estimate's decision records, oldest first (owner and PDF use). */
export async function listEstimateDecisions({ sql }: PortalDeps, estimateId: string, sharedContext: Context) {
  return sql.listEstimateDecisions(estimateId, sharedContext)
}
