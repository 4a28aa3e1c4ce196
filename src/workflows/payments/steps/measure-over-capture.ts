import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { overCapturedAmount } from "../../../lib/over-capture"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { CapturedInvoicePayment } from "./find-captured-invoice-payment"
import { refundedOfPayment } from "../utils/payment-refunds"

export type OverCapture = {
  payment_id: string
  invoice: { id: string; customer_id: string; display_number: string | null; currency_code: string }
  captured: number
  /** What the invoice took of this payment. */
  recorded: number
  /** What still has to go back to the customer. */
  excess: number
}

/** After the capture was recorded up to the amount due: how much of it is left over. */
export const measureOverCaptureStep = createStep(
  "measure-over-capture",
  async (captured: CapturedInvoicePayment | null, { container }) => {
    if (!captured) {
      return new StepResponse<OverCapture | null>(null)
    }
    const invoice = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .retrievePortalInvoice(captured.invoice_id, { relations: ["payments"] })
    const refunded = await refundedOfPayment(container, captured.payment_id)
    const recorded = invoice.payments.find((p) => p.payment_id === captured.payment_id)?.amount ?? 0
    const excess = overCapturedAmount({ captured: captured.captured, recorded, refunded })
    return new StepResponse<OverCapture | null>({
      payment_id: captured.payment_id,
      invoice: {
        id: invoice.id,
        customer_id: invoice.customer_id,
        display_number: invoice.display_number,
        currency_code: invoice.currency_code,
      },
      captured: captured.captured,
      recorded: MathBN.convert(recorded).toNumber(),
      excess: excess.numeric,
    })
  }
)
