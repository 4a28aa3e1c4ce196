import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The host app used by `npm run demo` and the HTTP tests: a plain Medusa app that loads this
 * repository's own src/ (modules, links, api, subscribers, workflows, admin). A merchant does not
 * use this file; they add the plugin to their own medusa-config.ts (see README).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
  },
  modules: [
    {
      resolve: "./src/modules/portal",
      options: {
        portalUrl: process.env.PORTAL_URL,
      },
    },
    {
      // Replaces Medusa's default Notification module entry, so the feed provider is repeated.
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } },
          // Emails go through the plugin's SMTP provider when SMTP_HOST is set (the HTTP tests
          // point it at a local sink); otherwise notification-local only logs them (the demo).
          process.env.SMTP_HOST
            ? {
                resolve: "./src/providers/smtp",
                id: "smtp",
                options: {
                  channels: ["email"],
                  host: process.env.SMTP_HOST,
                  port: Number(process.env.SMTP_PORT || 587),
                  secure: process.env.SMTP_SECURE ? process.env.SMTP_SECURE === "true" : undefined,
                  auth: process.env.SMTP_USER
                    ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS || "" }
                    : undefined,
                  from: process.env.SMTP_FROM || "portal@localhost",
                },
              }
            : { resolve: "@medusajs/medusa/notification-local", id: "local-email", options: { channels: ["email"] } },
        ],
      },
    },
  ],
})
