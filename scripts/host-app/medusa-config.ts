import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The host app of `npm run test:host` (scripts/test-host.js copies this file into a fresh app
 * shaped like Medusa's default starter): the plugin from its packed tarball, as a merchant adds it,
 * and its SMTP provider for the email channel, pointed at a local SMTP sink. The app also has its
 * own module with `invoice` and `estimate` entities (src/modules/shop-documents), as a merchant
 * using Medusa's invoice-generator example would: the plugin's names must not clash with them.
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET!,
      cookieSecret: process.env.COOKIE_SECRET!,
    },
  },
  plugins: [
    {
      resolve: "medusa-plugin-customer-portal",
      options: {
        portalUrl: process.env.PORTAL_URL,
      },
    },
  ],
  modules: [
    { resolve: "./src/modules/shop-documents" },
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } },
          {
            resolve: "medusa-plugin-customer-portal/providers/smtp",
            id: "smtp",
            options: {
              channels: ["email"],
              host: process.env.SMTP_HOST,
              port: Number(process.env.SMTP_PORT),
              from: "Host Test <portal@host.test>",
            },
          },
        ],
      },
    },
  ],
})
