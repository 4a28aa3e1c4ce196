import { MiddlewareRoute } from "@medusajs/framework/http"
import { validatePortalBody } from "../../../utils/validate-body"
import { AdminRunReminders, AdminUpdatePortalSettings } from "./validators"

export const adminPortalSettingsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/portal/settings",
    middlewares: [validatePortalBody(AdminUpdatePortalSettings)],
  },
  {
    method: ["POST"],
    matcher: "/admin/portal/reminders/run",
    middlewares: [validatePortalBody(AdminRunReminders)],
  },
]
