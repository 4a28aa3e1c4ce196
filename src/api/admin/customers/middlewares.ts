import { MiddlewareRoute } from "@medusajs/framework/http"
import { validatePortalBody } from "../../utils/validate-body"
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
    middlewares: [validatePortalBody(AdminSetPortalLocale)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-access/reminders",
    middlewares: [validatePortalBody(AdminSetRemindersOptOut)],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-statement/send",
    middlewares: [validatePortalBody(AdminSendStatement)],
  },
]
