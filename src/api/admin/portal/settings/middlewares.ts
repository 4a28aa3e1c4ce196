import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { AdminRunReminders, AdminUpdatePortalSettings } from "./validators"

export const adminPortalSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/portal/settings",
    middlewares: [validateAndTransformBody(AdminUpdatePortalSettings)],
  },
  {
    method: ["POST"],
    matcher: "/admin/portal/reminders/run",
    middlewares: [validateAndTransformBody(AdminRunReminders)],
  },
]
