import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { depositDue } from "../../../lib/deposit"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** Held while a deposit session opens and while conversion cancels the deposit's sessions. */
export const depositPaymentLockKey = (estimateId: string) => `portal-deposit-${estimateId}`

export type DepositPaymentCollection = { id: string; amount: number; currency_code: string }
type Created = { collection_id: string; estimate_id: string } | { collection_id: string; previous_amount: number }

/**
 * The estimate's Medusa payment collection for the deposit still due, taken from the server:
 * created and linked the first time, re-sized if the deposit due changed. A completed or
 * canceled collection is never reused. Compensation removes what it created or puts the amount
 * back.
 */
export const ensureDepositPaymentCollectionStep = createStep(
  "ensure-deposit-payment-collection",
  async ({ estimate_id }: { estimate_id: string }, { container }) => {
    const result = await ensure(container, estimate_id)
    return new StepResponse(result.collection, result.created)
  },
  async (created, { container }) => {
    if (!created) {
      return
    }
    const payments = container.resolve(Modules.PAYMENT)
    if ("estimate_id" in created) {
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss({
        [PORTAL_MODULE]: { portal_estimate_id: created.estimate_id },
        [Modules.PAYMENT]: { payment_collection_id: created.collection_id },
      })
      await payments.deletePaymentCollections(created.collection_id)
    } else {
      await payments.updatePaymentCollections(created.collection_id, { amount: created.previous_amount })
    }
  }
)

async function ensure(
  container: MedusaContainer,
  estimateId: string
): Promise<{ collection: DepositPaymentCollection; created: Created | null }> {
  const estimate = await container.resolve<PortalModuleService>(PORTAL_MODULE).retrievePortalEstimate(estimateId)
  const due = depositDue(estimate)
  if (!MathBN.gt(due, 0)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Estimate ${estimate.display_number ?? estimate.id} has no deposit to pay`)
  }
  const ref = { amount: due.numeric, currency_code: estimate.currency_code }
  const payments = container.resolve(Modules.PAYMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "portal_estimate",
    fields: ["id", "payment_collection.id", "payment_collection.amount", "payment_collection.status"],
    filters: { id: estimateId },
  })
  const linked = (data[0] as Record<string, any>)?.payment_collection
  if (linked && !["completed", "canceled"].includes(linked.status)) {
    if (MathBN.eq(linked.amount, due)) {
      return { collection: { ...ref, id: linked.id }, created: null }
    }
    await payments.updatePaymentCollections(linked.id, { amount: due.numeric })
    return { collection: { ...ref, id: linked.id }, created: { collection_id: linked.id, previous_amount: Number(linked.amount) } }
  }
  if (linked) {
    await link.dismiss({ [PORTAL_MODULE]: { portal_estimate_id: estimateId }, [Modules.PAYMENT]: { payment_collection_id: linked.id } })
  }
  const [collection] = await payments.createPaymentCollections([
    { currency_code: estimate.currency_code, amount: due.numeric, metadata: { estimate_id: estimateId, deposit: true } },
  ])
  await link.create({ [PORTAL_MODULE]: { portal_estimate_id: estimateId }, [Modules.PAYMENT]: { payment_collection_id: collection.id } })
  return { collection: { ...ref, id: collection.id }, created: { collection_id: collection.id, estimate_id: estimateId } }
}
