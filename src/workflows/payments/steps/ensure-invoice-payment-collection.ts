import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { amountDue } from "../../../lib/payable"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

type Created = { collection_id: string; invoice_id: string } | { collection_id: string; previous_amount: number }
export type InvoicePaymentCollection = { id: string; amount: number; currency_code: string }
type Ensured = StepResponse<InvoicePaymentCollection | null, Created | null>

/**
 * The invoice's Medusa payment collection, for its open amount, taken from the server: created
 * and linked the first time, re-sized when an offline payment changed what is owed. A completed
 * or canceled collection is never reused. `optional`: an invoice with nothing to pay gets none.
 */
export const ensureInvoicePaymentCollectionStep = createStep(
  "ensure-invoice-payment-collection",
  async ({ invoice_id, optional }: { invoice_id: string; optional?: boolean }, { container }): Promise<Ensured> =>
    // Two sends or Pay Now clicks at once must not create two collections for one invoice.
    container
      .resolve(Modules.LOCKING)
      .execute(`portal-invoice-collection-${invoice_id}`, () => ensureCollection(container, invoice_id, optional), {
        timeout: 30,
      }),
  async (created, { container }) => {
    if (!created) {
      return
    }
    const payments = container.resolve(Modules.PAYMENT)
    if ("invoice_id" in created) {
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
        [PORTAL_MODULE]: { invoice_id: created.invoice_id },
        [Modules.PAYMENT]: { payment_collection_id: created.collection_id },
      })
      await payments.deletePaymentCollections(created.collection_id)
    } else {
      await payments.updatePaymentCollections(created.collection_id, { amount: created.previous_amount })
    }
  }
)

async function ensureCollection(container: MedusaContainer, invoiceId: string, optional?: boolean): Promise<Ensured> {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const payments = container.resolve(Modules.PAYMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)

  const invoice = await portal.retrievePortalInvoice(invoiceId)
  const amount = amountDue(invoice)
  if (!MathBN.gt(amount, 0)) {
    if (optional) {
      return new StepResponse<InvoicePaymentCollection | null, Created | null>(null, null)
    }
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Invoice ${invoice.display_number ?? invoice.id} has nothing to pay`)
  }
  const ref = { id: "", amount: amount.numeric, currency_code: invoice.currency_code }

  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "portal_invoice",
    fields: ["id", "payment_collection.id", "payment_collection.amount", "payment_collection.status"],
    filters: { id: invoiceId },
  })
  const linked = (data[0] as Record<string, any>)?.payment_collection
  if (linked && !["completed", "canceled"].includes(linked.status)) {
    if (MathBN.eq(linked.amount, amount)) {
      return new StepResponse<InvoicePaymentCollection | null, Created | null>({ ...ref, id: linked.id }, null)
    }
    await payments.updatePaymentCollections(linked.id, { amount: amount.numeric })
    return new StepResponse<InvoicePaymentCollection | null, Created | null>(
      { ...ref, id: linked.id },
      { collection_id: linked.id, previous_amount: Number(linked.amount) }
    )
  }

  if (linked) {
    await link.dismiss({ [PORTAL_MODULE]: { portal_invoice_id: invoiceId }, [Modules.PAYMENT]: { payment_collection_id: linked.id } })
  }
  const [collection] = await payments.createPaymentCollections([
    { currency_code: invoice.currency_code, amount: amount.numeric, metadata: { invoice_id: invoiceId } },
  ])
  await link.create({ [PORTAL_MODULE]: { portal_invoice_id: invoiceId }, [Modules.PAYMENT]: { payment_collection_id: collection.id } })
  return new StepResponse<InvoicePaymentCollection | null, Created | null>(
    { ...ref, id: collection.id },
    { collection_id: collection.id, invoice_id: invoiceId }
  )
}
