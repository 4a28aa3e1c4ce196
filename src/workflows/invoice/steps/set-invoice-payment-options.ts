import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type { InvoicePaymentOptions } from "../../../modules/portal/actions/invoices"
import type PortalModuleService from "../../../modules/portal/service"

/** Sets the invoice's part-payment options; compensation puts back what it said before. */
export const setInvoicePaymentOptionsStep = createStep(
  "set-invoice-payment-options",
  async ({ id, ...options }: InvoicePaymentOptions & { id: string }, { container }) => {
    const { invoice, previous } = await container.resolve<PortalModuleService>(PORTAL_MODULE).setInvoicePaymentOptions(id, options)
    return new StepResponse(invoice, { id, ...previous })
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve<PortalModuleService>(PORTAL_MODULE).updatePortalInvoices(previous as never)
    }
  }
)
