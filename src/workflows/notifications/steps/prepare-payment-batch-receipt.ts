import { MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { currencyDecimals, openAmount } from "../../../lib/money"
import { customerDisplayName } from "../../../lib/owner-feed"
import { paymentMethodLabel } from "../../../lib/payment-methods"
import { PORTAL_MODULE } from "../../../modules/portal"
import { InvoicePaymentMethod, InvoiceStatus } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import type { NotifyOwnerFeedStepInput, SendPortalEmailStepInput } from "../../steps"

export type PaymentBatchReceiptInput = {
  /** The payment batch. */
  id: string
  customer_id: string
  /** The Medusa payment that paid it. */
  payment_id: string
}

/**
 * One receipt for one payment made for several invoices: the invoices it was applied to, oldest
 * first, what each took and what each still asks for (read from the recorded invoice payments,
 * never recomputed); and the owner's feed entry. Both keyed by batch, so a second delivery of the
 * event sends nothing new.
 */
export const preparePaymentBatchReceiptStep = createStep(
  "prepare-payment-batch-receipt",
  async (input: PaymentBatchReceiptInput, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const [batch] = await portal.listPortalPaymentBatches({ id: input.id, customer_id: input.customer_id }, { relations: ["items"] })
    const items = [...(batch?.items ?? [])].sort((a, b) => a.position - b.position)
    const invoices = await portal.listPortalInvoices(
      { id: items.map((i) => i.invoice_id), customer_id: input.customer_id },
      { relations: ["payments"] }
    )
    const byId = new Map(invoices.map((i) => [i.id, i]))
    const lines = items.flatMap((item) => {
      const invoice = byId.get(item.invoice_id)
      const payment = invoice?.payments.find((p) => p.payment_id === input.payment_id)
      if (!invoice || !payment) {
        return []
      }
      const due = invoice.status === InvoiceStatus.SENT ? openAmount(invoice.total as never, invoice.amount_paid as never) : openAmount(0, 0)
      return [{ invoice, payment, due }]
    })
    if (!batch || !lines.length) {
      throw new Error(`Payment batch ${input.id} has no invoice payment of ${input.payment_id} to put on a receipt`)
    }
    const currency = batch.currency_code
    const total = lines.reduce((sum, l) => MathBN.add(sum, l.payment.amount as never), MathBN.convert(0))
    const customer = await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id)
    const numbers = lines.map((l) => l.invoice.display_number ?? l.invoice.id)
    const money = `${total.toFixed(currencyDecimals(currency))} ${currency.toUpperCase()}`

    const data: EmailTemplateData<"payment-batch-receipt"> = {
      customer_first_name: customer.first_name,
      amount: total.toString(),
      currency_code: currency,
      paid_at: lines[0].payment.paid_at,
      method_label: paymentMethodLabel(InvoicePaymentMethod.STRIPE),
      method: InvoicePaymentMethod.STRIPE,
      invoices: lines.map((l) => ({
        invoice_number: l.invoice.display_number ?? l.invoice.id,
        amount: MathBN.convert(l.payment.amount as never).toString(),
        still_due: l.due.numeric,
      })),
      portal_url: `${portal.getPortalUrl()}/portal/invoices`,
    }
    const email: Omit<SendPortalEmailStepInput<"payment-batch-receipt">, "to"> = {
      customer_id: input.customer_id,
      template: "payment-batch-receipt",
      data,
      // The activity log keeps it on the oldest invoice it paid.
      subject_type: "invoice",
      subject_id: lines[0].invoice.id,
      idempotency_key: `portal-batch-receipt-${batch.id}`,
    }
    const feed: NotifyOwnerFeedStepInput = {
      title: `${numbers.length} invoices paid together (${money})`,
      description: `${customerDisplayName(customer)} paid ${money} online for invoices ${numbers.join(", ")}, applied oldest first.`,
      resource_type: "invoice",
      resource_id: lines[0].invoice.id,
      key: `portal-batch-paid-feed-${batch.id}`,
    }
    return new StepResponse({ email, feed })
  }
)
