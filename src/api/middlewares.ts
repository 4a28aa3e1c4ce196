import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import { adminCustomerPortalMiddlewares } from "./admin/customers/middlewares"
import { adminEstimatesMiddlewares } from "./admin/estimates/middlewares"
import { adminInvoicesMiddlewares } from "./admin/invoices/middlewares"
import { adminPortalSettingsMiddlewares } from "./admin/portal/settings/middlewares"
import { portalMiddlewares, storePortalMiddlewares } from "./portal/middlewares"
import { storePaymentCollectionsMiddlewares } from "./store/payment-collections/middlewares"
import { StorePortalAuth } from "./store/portal/validators"

export default defineMiddlewares({
  routes: [
    ...adminPortalSettingsMiddlewares,
    ...adminInvoicesMiddlewares,
    ...adminEstimatesMiddlewares,
    ...adminCustomerPortalMiddlewares,
    ...portalMiddlewares,
    ...storePortalMiddlewares,
    ...storePaymentCollectionsMiddlewares,
    { method: ["POST"], matcher: "/store/portal/auth", middlewares: [validateAndTransformBody(StorePortalAuth)] },
  ],
})
