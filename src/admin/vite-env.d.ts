/// <reference types="vite/client" />

/**
 * Defined by the dashboard's build (`admin.backendUrl` in the host app's medusa-config), so the
 * plugin's bundle talks to whatever backend the merchant configured.
 */
declare const __BACKEND_URL__: string | undefined
