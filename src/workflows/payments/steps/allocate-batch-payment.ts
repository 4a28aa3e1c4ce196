import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { allocateOldestFirst } from "../../../lib/batch-allocation"
import { openAmount } from "../../../lib/money"
import { PORTAL_MODULE } from "../../../modules/portal"
import { InvoicePaymentMethod, InvoiceStatus } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import type { InvoiceState } from "../../../modules/portal/actions"
import type { CapturedBatchPayment } from "./find-captured-batch-payment"

export type BatchAllocationResult = {
  batch_id: string
  customer_id: string
  currency_code: string
  payment_id: string
  captured: number
  /** One per invoice of the batch, oldest first. */
  invoices: {
    invoice_id: string
    display_number: string | null
    /** The invoice payment of this capture on it, if it took any. */
    invoice_payment_id: string | null
    amount: number
    /** Written by this run (false on a replay). */
    recorded: boolean
    /** This run's payment settled the invoice. */
    paid: boolean
  }[]
}

type Compensation = {
  batch: { id: string; status: string; payment_id: string | null; captured_at: Date | null }
  items: { id: string; amount_applied: string | null }[]
  recorded: { invoice_payment_id: string; previous: InvoiceState }[]
}

/**
 * Shares a captured batch payment out over its invoices as they stand now, oldest first
 * (`allocateOldestFirst`), and records each share as an ordinary Stripe payment on its invoice
 * (`recordInvoicePayment` with `up_to_open_amount`, under the invoice row lock): an invoice that
 * was voided, paid elsewhere or changed in between takes only what it still asks for, never more;
 * the rest is left for the over-capture refund. What this payment already recorded on an invoice
 * counts as still due to it, so a replay computes the same shares and records nothing new.
 * Compensation removes the payments this run wrote and puts the batch back.
 */
export const allocateBatchPaymentStep = createStep(
  "allocate-batch-payment",
  async (captured: CapturedBatchPayment, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const batch = await portal.retrievePortalPaymentBatch(captured.batch_id, { relations: ["items"] })
    const items = [...batch.items].sort((a, b) => a.position - b.position)
    const invoices = await portal.listPortalInvoices({ id: items.map((i) => i.invoice_id) }, { relations: ["payments"] })
    const byId = new Map(invoices.map((i) => [i.id, i]))

    const allocatable = items.flatMap((item) => {
      const invoice = byId.get(item.invoice_id)
      if (!invoice) {
        return []
      }
      const mine = invoice.payments.find((p) => p.payment_id === captured.payment_id)
      const open = invoice.status === InvoiceStatus.SENT ? openAmount(invoice.total as never, invoice.amount_paid as never) : MathBN.convert(0)
      return [
        {
          id: invoice.id,
          due_date: invoice.due_date,
          issue_date: invoice.issue_date,
          display_number: invoice.display_number,
          amount_due: MathBN.add(open, mine ? (mine.amount as never) : 0),
        },
      ]
    })
    const { allocations } = allocateOldestFirst(allocatable, captured.captured, batch.currency_code)

    const compensation: Compensation = {
      batch: { id: batch.id, status: batch.status, payment_id: batch.payment_id ?? null, captured_at: batch.captured_at ?? null },
      items: items.map((i) => ({ id: i.id, amount_applied: i.amount_applied == null ? null : MathBN.convert(i.amount_applied as never).toString() })),
      recorded: [],
    }
    const results: BatchAllocationResult["invoices"] = []
    for (const { invoice_id, amount } of allocations) {
      const result = await portal.recordInvoicePayment(invoice_id, {
        amount: amount.toString(),
        method: InvoicePaymentMethod.STRIPE,
        paid_at: captured.paid_at,
        payment_id: captured.payment_id,
        up_to_open_amount: true,
      })
      if (result.recorded) {
        compensation.recorded.push({ invoice_payment_id: result.payment!.id, previous: result.previous })
      }
      results.push({
        invoice_id,
        display_number: byId.get(invoice_id)?.display_number ?? null,
        invoice_payment_id: result.payment?.id ?? null,
        amount: result.payment ? MathBN.convert(result.payment.amount as never).toNumber() : 0,
        recorded: result.recorded,
        paid: result.paid,
      })
    }
    const applied = new Map(results.map((r) => [r.invoice_id, r.amount]))
    await portal.updatePortalPaymentBatches({
      id: batch.id,
      status: "captured",
      payment_id: captured.payment_id,
      captured_at: batch.captured_at ?? captured.paid_at,
    })
    await portal.updatePortalPaymentBatchItems(items.map((i) => ({ id: i.id, amount_applied: applied.get(i.invoice_id) ?? 0 })))

    const ordered = items.map(
      (item) =>
        results.find((r) => r.invoice_id === item.invoice_id) ?? {
          invoice_id: item.invoice_id,
          display_number: byId.get(item.invoice_id)?.display_number ?? null,
          invoice_payment_id: null,
          amount: 0,
          recorded: false,
          paid: false,
        }
    )
    return new StepResponse<BatchAllocationResult, Compensation>(
      {
        batch_id: batch.id,
        customer_id: batch.customer_id,
        currency_code: batch.currency_code,
        payment_id: captured.payment_id,
        captured: captured.captured,
        invoices: ordered,
      },
      compensation
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    for (const { invoice_payment_id, previous } of compensation.recorded.reverse()) {
      await portal.revertInvoicePayment(invoice_payment_id, previous)
    }
    await portal.updatePortalPaymentBatches(compensation.batch as never)
    await portal.updatePortalPaymentBatchItems(compensation.items as never)
  }
)
