import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validatePortalQuery } from "../../utils/validate-query"
import { listInvoicesQueryConfig, retrieveInvoiceQueryConfig } from "./query-config"
import {
  AdminCreateInvoice,
  AdminCreateInvoiceFromOrder,
  AdminGetInvoiceParams,
  AdminGetInvoicesParams,
  AdminInvoicePaymentOptions,
  AdminRefundInvoicePayment,
  AdminRecordInvoicePayment,
  AdminUpdateInvoice,
} from "./validators"

const retrieve = validatePortalQuery(AdminGetInvoiceParams, retrieveInvoiceQueryConfig)

export const adminInvoicesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/invoices",
    middlewares: [validatePortalQuery(AdminGetInvoicesParams, listInvoicesQueryConfig)],
  },
  { method: ["POST"], matcher: "/admin/invoices", middlewares: [validateAndTransformBody(AdminCreateInvoice), retrieve] },
  { method: ["GET"], matcher: "/admin/invoices/:id", middlewares: [retrieve] },
  { method: ["POST"], matcher: "/admin/invoices/:id", middlewares: [validateAndTransformBody(AdminUpdateInvoice), retrieve] },
  { method: ["POST"], matcher: "/admin/invoices/:id/send", middlewares: [retrieve] },
  { method: ["POST"], matcher: "/admin/invoices/:id/void", middlewares: [retrieve] },
  {
    method: ["POST"],
    matcher: "/admin/invoices/:id/refunds",
    middlewares: [validateAndTransformBody(AdminRefundInvoicePayment), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/invoices/:id/payment-options",
    middlewares: [validateAndTransformBody(AdminInvoicePaymentOptions), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/invoices/:id/payments",
    middlewares: [validateAndTransformBody(AdminRecordInvoicePayment), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/invoice",
    middlewares: [validateAndTransformBody(AdminCreateInvoiceFromOrder), retrieve],
  },
]
