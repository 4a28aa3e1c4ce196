import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validatePortalQuery } from "../../utils/validate-query"
import { AdminGetPortalActivityParams, AdminSendStatement, AdminSetPortalLocale, AdminSetRemindersOptOut } from "./validators"

export const adminCustomerPortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/portal-activity",
    middlewares: [validatePortalQuery(AdminGetPortalActivityParams, { defaults: [], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-access/locale",
    middlewares: [validateAndTransformBody(AdminSetPortalLocale)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-access/reminders",
    middlewares: [validateAndTransformBody(AdminSetRemindersOptOut)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-statement/send",
    middlewares: [validateAndTransformBody(AdminSendStatement)],
  },
]
