import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { STRIPE_PROVIDER_ID } from "../../../lib/payable"

/** Whether the host app registered (and enabled) Medusa's Stripe provider. */
export async function isStripeRegistered(container: MedusaContainer) {
  const [provider] = await container
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: STRIPE_PROVIDER_ID, is_enabled: true }, { take: 1 })
  return Boolean(provider)
}
