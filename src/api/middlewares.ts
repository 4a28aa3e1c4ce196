import { defineMiddlewares } from "@medusajs/framework/http"
import { validatePortalBody } from "./utils/validate-body"
import { adminCustomerPortalMiddlewares } from "./admin/customers/middlewares"
import { adminEstimatesMiddlewares } from "./admin/estimates/middlewares"
import { adminInvoicesMiddlewares } from "./admin/invoices/middlewares"
import { adminPortalSettingsMiddlewares } from "./admin/portal/settings/middlewares"
import { portalMiddlewares, storePortalMiddlewares } from "./portal/middlewares"
import { storePaymentCollectionsMiddlewares } from "./store/payment-collections/middlewares"
import { StorePortalAuth } from "./store/portal/validators"
import { refuseReservedKeys } from "./utils/body-guard"
import { portalErrorHandler, portalNotFound } from "./utils/portal-errors"
import { portalResponseHeaders } from "./utils/portal-headers"
import { PLUGIN_PATH_PREFIXES, refuseControlCharactersInPath } from "./utils/path-guard"

export default defineMiddlewares({
  errorHandler: portalErrorHandler(),
  routes: [
    // Global (no method): these run before every portal route and its other middlewares.
    { matcher: "/portal", middlewares: [portalResponseHeaders] },
    { matcher: "/store/portal", middlewares: [portalResponseHeaders] },
    ...PLUGIN_PATH_PREFIXES.map((matcher) => ({ matcher, middlewares: [refuseControlCharactersInPath, refuseReservedKeys] })),
    ...adminPortalSettingsMiddlewares,
    ...adminInvoicesMiddlewares,
    ...adminEstimatesMiddlewares,
    ...adminCustomerPortalMiddlewares,
    ...portalMiddlewares,
    ...storePortalMiddlewares,
    ...storePaymentCollectionsMiddlewares,
    { method: ["POST"], matcher: "/store/portal/auth", middlewares: [validatePortalBody(StorePortalAuth)] },
    // A params matcher sorts after every static portal route: only unanswered paths reach it.
    { method: ["ALL"], matcher: "/portal/:path(*)", middlewares: [portalNotFound] },
  ],
})
