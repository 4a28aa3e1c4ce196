import Medusa from "@medusajs/js-sdk"

/**
 * The admin extension's client for this plugin's /admin routes. Same origin as the dashboard,
 * authenticated by the dashboard's own session cookie. `__BACKEND_URL__` is replaced when the
 * host app builds its dashboard (a plugin's own build cannot know the merchant's backend URL).
 */
export const sdk = new Medusa({
  baseUrl: (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/",
  auth: { type: "session" },
})
