import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { FakeStripeProviderService } from "./provider"

/*
 * The Payment Module provider the host app registers (medusa-config.ts) when STRIPE_API_HOST is
 * set: @medusajs/payment-stripe's Stripe provider pointed at the fake Stripe server. The server
 * itself is in ./server (imported by tests, not by Medusa).
 */
export default ModuleProvider(Modules.PAYMENT, {
  services: [FakeStripeProviderService],
})
