import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PortalEmailPurpose, PortalEmailRefusal, whyNotEmailCustomer } from "../../lib/portal-email"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"

export type PortalEmailDecision = {
  /** Null when the email may go out. */
  refusal: PortalEmailRefusal | null
  to: string | null
  first_name: string | null
  /** No portal-access email has reached this customer yet. */
  first_access: boolean
}

/** What the owner is told when their own action cannot email the customer. */
const REFUSALS: Record<PortalEmailRefusal, (customerId: string) => MedusaError> = {
  portal_disabled: () =>
    new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The customer portal is turned off: enable it in Settings → Customer Portal before sending access"
    ),
  access_disabled: () =>
    new MedusaError(MedusaError.Types.CONFLICT, "Portal access is disabled for this customer; enable it before sending a link"),
  no_access: () => new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer has no portal access"),
  reminders_opted_out: () =>
    new MedusaError(MedusaError.Types.NOT_ALLOWED, "This customer turned payment reminders off"),
  no_email: (customerId) =>
    new MedusaError(MedusaError.Types.INVALID_DATA, `Customer "${customerId}" has no email address; add one before sending`),
}

/**
 * Gathers what `whyNotEmailCustomer` needs (settings, the customer's access, their address) and
 * applies it. `refuse`: the caller is the owner, who is told why instead of getting a silent skip.
 */
export const decidePortalEmailStep = createStep(
  "decide-portal-email",
  async (input: { customer_id: string; purpose: PortalEmailPurpose; refuse?: boolean }, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const settings = await portal.retrieveSettings()
    const [access] = await portal.listPortalAccesses({ customer_id: input.customer_id }, { take: 1 })
    const [customer] = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: input.customer_id }, { select: ["id", "email", "first_name"], take: 1 })
    const refusal = whyNotEmailCustomer(input.purpose, {
      portal_enabled: settings.enabled,
      access,
      email: customer?.email,
    })
    if (refusal && input.refuse) {
      throw REFUSALS[refusal](input.customer_id)
    }
    return new StepResponse<PortalEmailDecision>({
      refusal,
      to: customer?.email ?? null,
      first_name: customer?.first_name ?? null,
      first_access: !access?.first_sent_at,
    })
  }
)
