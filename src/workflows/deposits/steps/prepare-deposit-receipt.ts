import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { customerDisplayName } from "../../../lib/owner-feed"
import { documentPagePath } from "../../../lib/portal-next"
import { serializePortalEstimateDetail } from "../../../lib/serializers"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { NotifyOwnerFeedStepInput, SendPortalEmailStepInput } from "../../steps"

export type DepositReceiptInput = { id: string; customer_id: string; payment_id: string }

/**
 * The receipt for a deposit paid online: the amount the estimate recorded of that payment and
 * when, with a link to the estimate; and the owner's feed entry. Keyed by the payment, so a second
 * delivery of the event sends nothing new.
 */
export const prepareDepositReceiptStep = createStep("prepare-deposit-receipt", async (input: DepositReceiptInput, { container }) => {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const record = await portal.retrieveCustomerEstimate(input.customer_id, input.id)
  const estimate = serializePortalEstimateDetail(record)
  const customer = await container
    .resolve(Modules.CUSTOMER)
    .retrieveCustomer(input.customer_id)
    .catch(() => null)
  const number = estimate.number ?? estimate.id
  const data: EmailTemplateData<"deposit-receipt"> = {
    customer_first_name: customer?.first_name ?? null,
    estimate_number: number,
    amount: estimate.deposit?.paid ?? 0,
    currency_code: estimate.currency_code,
    paid_at: record.deposit_paid_at ?? new Date(),
    portal_url: `${portal.getPortalUrl()}${documentPagePath({ type: "estimate", id: estimate.id }) ?? "/portal"}`,
  }
  const email: Omit<SendPortalEmailStepInput<"deposit-receipt">, "to"> = {
    customer_id: input.customer_id,
    template: "deposit-receipt",
    data,
    subject_type: "estimate",
    subject_id: estimate.id,
    idempotency_key: `portal-deposit-receipt-${input.payment_id}`,
  }
  const feed: NotifyOwnerFeedStepInput = {
    title: `Estimate ${number}: deposit received`,
    description: `${customerDisplayName(customer)} paid the deposit on estimate ${number} online.`,
    resource_type: "estimate",
    resource_id: estimate.id,
    key: `portal-deposit-paid-feed-${input.payment_id}`,
  }
  return new StepResponse({ email, feed })
})
