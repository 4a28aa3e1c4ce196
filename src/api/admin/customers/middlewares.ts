import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetPortalActivityParams, AdminSendStatement } from "./validators"

export const adminCustomerPortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/portal-activity",
    middlewares: [validateAndTransformQuery(AdminGetPortalActivityParams, { defaults: [], isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/portal-statement/send",
    middlewares: [validateAndTransformBody(AdminSendStatement)],
  },
]
