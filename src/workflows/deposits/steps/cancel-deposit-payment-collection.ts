import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { depositPaymentLockKey } from "./ensure-deposit-payment-collection"

/** Session states that hold no money yet: the customer could still complete them. */
const OPEN_SESSION_STATUSES = ["pending", "requires_more", "error"]

/**
 * On conversion the invoice asks for the money, so an estimate's unpaid deposit can no longer be
 * paid: its open sessions are deleted through the Payment Module (Stripe cancels their
 * PaymentIntents) and its collection is canceled. A deposit already paid was carried to the
 * invoice. A cancel Stripe refuses (the customer is paying right now) is left to the capture
 * workflow, which records nothing on a converted estimate and refunds it all. Under the deposit
 * lock, so no deposit session opens meanwhile. Compensation restores the collection's status (a
 * canceled intent stays canceled).
 */
export const cancelDepositPaymentCollectionStep = createStep(
  "cancel-deposit-payment-collection",
  async ({ estimate_id }: { estimate_id: string }, { container }) => {
    const previous = await container.resolve(Modules.LOCKING).execute(
      depositPaymentLockKey(estimate_id),
      async () => {
        const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "portal_estimate",
          fields: ["payment_collection.id", "payment_collection.status", "payment_collection.payment_sessions.id", "payment_collection.payment_sessions.status"],
          filters: { id: estimate_id },
        })
        const collection = (data[0] as Record<string, any>)?.payment_collection
        if (!collection) {
          return null
        }
        const payments = container.resolve(Modules.PAYMENT)
        for (const session of (collection.payment_sessions ?? []).filter((s: { status: string }) => OPEN_SESSION_STATUSES.includes(s.status))) {
          await payments.deletePaymentSession(session.id).catch((error: Error) =>
            container
              .resolve(ContainerRegistrationKeys.LOGGER)
              .warn(`Deposit payment session ${session.id} of estimate ${estimate_id} could not be canceled: ${error.message}`)
          )
        }
        if (["completed", "canceled"].includes(collection.status)) {
          return null
        }
        await payments.updatePaymentCollections(collection.id, { status: "canceled" as never })
        return { id: collection.id as string, status: collection.status as string }
      },
      { timeout: 30 }
    )
    return new StepResponse(undefined, previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await container.resolve(Modules.PAYMENT).updatePaymentCollections(previous.id, { status: previous.status as never })
    }
  }
)
