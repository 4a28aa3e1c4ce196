import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { amountDue } from "../../../lib/payable"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

const OPEN_SESSION_STATUSES = ["pending", "requires_more", "error"]

/**
 * The money rule for payments of several invoices: once an invoice's open amount is no longer
 * what an open batch asked for it (an offline or single payment, a void, a refund), that batch
 * could charge the wrong sum, so it is canceled with its open sessions (the customer starts
 * again and sees the new sum). A cancel Stripe refuses (the customer is paying right now) is
 * left to the capture, which allocates only what is due and refunds the rest.
 */
export async function cancelOpenBatchesOfInvoice(container: MedusaContainer, invoiceId: string) {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const items = await portal.listPortalPaymentBatchItems({ invoice_id: invoiceId }, {
    relations: ["batch"],
  })
  if (!items.length) {
    return
  }
  const due = amountDue(await portal.retrievePortalInvoice(invoiceId))
  const stale = items.filter((i) => i.batch?.status === "open" && !MathBN.eq(i.amount_due as never, due)).map((i) => i.batch.id)
  if (!stale.length) {
    return
  }
  await portal.updatePortalPaymentBatches(stale.map((id) => ({ id, status: "canceled" as const })))
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "portal_payment_batch",
    fields: ["id", "payment_collection.id", "payment_collection.payment_sessions.id", "payment_collection.payment_sessions.status"],
    filters: { id: stale },
  })
  const payments = container.resolve(Modules.PAYMENT)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const row of data as Record<string, any>[]) {
    for (const session of row.payment_collection?.payment_sessions ?? []) {
      if (OPEN_SESSION_STATUSES.includes(session.status)) {
        await payments.deletePaymentSession(session.id).catch((error: Error) =>
          logger.warn(`Payment session ${session.id} of batch ${row.id} could not be canceled: ${error.message}`)
        )
      }
    }
  }
}
