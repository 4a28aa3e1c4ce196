import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetPortalActivityParams } from "./validators"

export const adminCustomerPortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/portal-activity",
    middlewares: [validateAndTransformQuery(AdminGetPortalActivityParams, { defaults: [], isList: true })],
  },
]
