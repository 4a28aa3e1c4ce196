import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type { InvoicePaymentMethod } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"

export type RecordInvoicePaymentStepInput = {
  invoice_id: string
  amount: number | string
  method: InvoicePaymentMethod
  paid_at?: Date | string | null
  reference?: string | null
  /** Medusa payment behind an online payment: recording the same one twice is a no-op. */
  payment_id?: string | null
  /** Money already taken (a card capture): record only what is still due, never refuse. */
  up_to_open_amount?: boolean
}

export const recordInvoicePaymentStep = createStep(
  "record-invoice-payment",
  async ({ invoice_id, ...payment }: RecordInvoicePaymentStepInput, { container }) => {
    const result = await container.resolve<PortalModuleService>(PORTAL_MODULE).recordInvoicePayment(invoice_id, payment)
    return new StepResponse(
      result,
      result.recorded ? { payment_id: result.payment!.id, previous: result.previous } : undefined
    )
  },
  async (compensation, { container }) => {
    if (compensation) {
      await container
        .resolve<PortalModuleService>(PORTAL_MODULE)
        .revertInvoicePayment(compensation.payment_id, compensation.previous)
    }
  }
)
