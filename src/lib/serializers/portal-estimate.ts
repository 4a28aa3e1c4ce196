import { MathBN } from "@medusajs/framework/utils"
import { depositAmount, depositDue } from "../deposit"
import type { Translate } from "../i18n/translate"
import { deriveEstimateStatus, isEstimateExpired } from "../status"
import { ENGLISH } from "./customer-words"
import { serializeLine } from "./portal-invoice"

type Estimate = {
  id: string
  display_number: string | null
  status: string
  currency_code: string
  issue_date: Date | string
  valid_until: Date | string | null
  subtotal: unknown
  tax_total: unknown
  total: unknown
  notes: string | null
  decided_at: Date | string | null
  decision_note: string | null
  lines?: Parameters<typeof serializeLine>[0][]
  invoice_id?: string | null
  deposit_type?: string | null
  deposit_value?: unknown
  deposit_paid?: unknown
}

/**
 * The one place that decides what a customer sees of an estimate (fields listed, never spread);
 * `status_label` in `t`'s language (the reader's; English without one).
 */
export function serializePortalEstimate(estimate: Estimate, now = new Date(), t: Translate = ENGLISH) {
  const status = deriveEstimateStatus(estimate)
  const expired = status === "pending" && isEstimateExpired(estimate, now)
  return {
    id: estimate.id,
    number: estimate.display_number,
    status,
    status_label: t(`status.estimate.${status}`),
    is_expired: expired,
    can_decide: status === "pending" && !expired,
    currency_code: estimate.currency_code,
    issue_date: estimate.issue_date,
    valid_until: estimate.valid_until,
    subtotal: estimate.subtotal as number,
    tax_total: estimate.tax_total as number,
    total: estimate.total as number,
    notes: estimate.notes,
    decided_at: estimate.decided_at,
    decision_note: estimate.decision_note,
  }
}

export function serializePortalEstimateDetail(estimate: Estimate, now = new Date(), t: Translate = ENGLISH) {
  return {
    ...serializePortalEstimate(estimate, now, t),
    lines: [...(estimate.lines ?? [])].sort((a, b) => a.rank - b.rank).map(serializeLine),
    deposit: serializeDeposit(estimate),
  }
}

/**
 * The deposit asked on an estimate (issue #15), in money computed by the server: the amount, what
 * was paid, what is due now (only on an approved, unconverted estimate). Null: no deposit. How
 * the owner stated it (percent or amount) stays with the owner.
 */
function serializeDeposit(estimate: Estimate) {
  const amount = depositAmount(estimate as never)
  if (!MathBN.gt(amount, 0)) {
    return null
  }
  const paid = MathBN.convert((estimate.deposit_paid ?? 0) as never)
  const due = depositDue(estimate as never)
  return {
    amount: amount.numeric,
    paid: paid.toNumber(),
    due: due.numeric,
    is_paid: MathBN.gte(paid, amount),
  }
}

/**
 * The newer revision of a rejected estimate (EST-0007-2), as its customer may see it: only once it
 * was sent. A draft revision is the owner's work in progress and is never shown (null).
 */
export function serializePortalEstimateRevision(
  revision: { id: string; display_number: string | null; status: string } | null | undefined,
  t: Translate = ENGLISH
) {
  if (!revision || revision.status === "draft") {
    return null
  }
  const status = deriveEstimateStatus(revision)
  return { id: revision.id, number: revision.display_number, status, status_label: t(`status.estimate.${status}`) }
}

export type StoreEstimate = ReturnType<typeof serializePortalEstimate>
export type StoreEstimateDetail = ReturnType<typeof serializePortalEstimateDetail>
