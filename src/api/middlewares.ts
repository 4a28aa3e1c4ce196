import { defineMiddlewares } from "@medusajs/framework/http"
import { adminEstimatesMiddlewares } from "./admin/estimates/middlewares"
import { adminInvoicesMiddlewares } from "./admin/invoices/middlewares"
import { adminPortalSettingsMiddlewares } from "./admin/portal/settings/middlewares"

export default defineMiddlewares({
  routes: [...adminPortalSettingsMiddlewares, ...adminInvoicesMiddlewares, ...adminEstimatesMiddlewares],
})
