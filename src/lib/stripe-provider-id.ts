/**
 * The Payment Module provider Pay Now uses: Medusa's Stripe provider registered with
 * `id: "stripe"`. No imports, so the admin bundle can share it with the server.
 */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"
