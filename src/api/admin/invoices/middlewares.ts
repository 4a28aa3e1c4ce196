import { MiddlewareRoute } from "@medusajs/framework/http"
import { validatePortalBody } from "../../utils/validate-body"
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
  { method: ["POST"], matcher: "/admin/invoices", middlewares: [validatePortalBody(AdminCreateInvoice), retrieve] },
  { method: ["GET"], matcher: "/admin/invoices/:id", middlewares: [retrieve] },
  { method: ["POST"], matcher: "/admin/invoices/:id", middlewares: [validatePortalBody(AdminUpdateInvoice), retrieve] },
  { method: ["POST"], matcher: "/admin/invoices/:id/send", middlewares: [retrieve] },
  { method: ["POST"], matcher: "/admin/invoices/:id/void", middlewares: [retrieve] },
  {
    method: ["POST"],
    matcher: "/admin/invoices/:id/refunds",
    middlewares: [validatePortalBody(AdminRefundInvoicePayment), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/invoices/:id/payment-options",
    middlewares: [validatePortalBody(AdminInvoicePaymentOptions), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/invoices/:id/payments",
    middlewares: [validatePortalBody(AdminRecordInvoicePayment), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/orders/:id/invoice",
    middlewares: [validatePortalBody(AdminCreateInvoiceFromOrder), retrieve],
  },
]
