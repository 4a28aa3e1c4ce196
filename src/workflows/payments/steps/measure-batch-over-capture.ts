import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { overCapturedAmount } from "../../../lib/over-capture"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { CapturedBatchPayment } from "./find-captured-batch-payment"
import type { OverCapture } from "./measure-over-capture"
import { refundedOfPayment } from "../utils/payment-refunds"

/**
 * After a batch payment was shared out: what no invoice of it could take (one was voided, paid
 * elsewhere or lowered in between), as the same `OverCapture` the single-invoice capture
 * measures, so the same refund and report steps give it back and tell the owner. The report
 * names every invoice of the batch; its log entry goes on the oldest.
 */
export const measureBatchOverCaptureStep = createStep(
  "measure-batch-over-capture",
  async (captured: CapturedBatchPayment | null, { container }) => {
    if (!captured) {
      return new StepResponse<OverCapture | null>(null)
    }
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const batch = await portal.retrievePortalPaymentBatch(captured.batch_id, { relations: ["items"] })
    const items = [...batch.items].sort((a, b) => a.position - b.position)
    const invoices = await portal.listPortalInvoices({ id: items.map((i) => i.invoice_id) }, { relations: ["payments"] })
    const recorded = invoices
      .flatMap((invoice) => invoice.payments.filter((p) => p.payment_id === captured.payment_id))
      .reduce((sum, p) => MathBN.add(sum, p.amount as never), MathBN.convert(0))
    const refunded = await refundedOfPayment(container, captured.payment_id)
    const excess = overCapturedAmount({ captured: captured.captured, recorded, refunded })
    const byId = new Map(invoices.map((i) => [i.id, i]))
    const oldest = byId.get(items[0]?.invoice_id) ?? invoices[0]
    return new StepResponse<OverCapture | null>({
      payment_id: captured.payment_id,
      invoice: {
        id: oldest.id,
        customer_id: batch.customer_id,
        display_number: items.map((i) => byId.get(i.invoice_id)?.display_number ?? i.invoice_id).join(", "),
        currency_code: batch.currency_code,
      },
      captured: captured.captured,
      recorded: recorded.toNumber(),
      excess: excess.numeric,
    })
  }
)
