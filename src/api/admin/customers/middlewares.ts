import { MiddlewareRoute } from "@medusajs/framework/http"
import { validatePortalQuery } from "../../utils/validate-query"
import { AdminGetPortalActivityParams } from "./validators"

export const adminCustomerPortalMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/portal-activity",
    middlewares: [validatePortalQuery(AdminGetPortalActivityParams, { defaults: [], isList: true })],
  },
]
