import Medusa from "@medusajs/js-sdk"

/**
 * The admin extension's client for this plugin's /admin routes. Same origin as the dashboard,
 * authenticated by the dashboard's own session cookie.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
