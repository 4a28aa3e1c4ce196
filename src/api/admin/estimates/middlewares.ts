import { MiddlewareRoute } from "@medusajs/framework/http"
import { validatePortalBody } from "../../utils/validate-body"
import { validatePortalQuery } from "../../utils/validate-query"
import { listEstimatesQueryConfig, retrieveEstimateQueryConfig } from "./query-config"
import {
  AdminConvertEstimate,
  AdminCreateEstimate,
  AdminGetEstimateParams,
  AdminGetEstimatesParams,
  AdminReviseEstimate,
  AdminSetEstimateDeposit,
  AdminUpdateEstimate,
} from "./validators"

const retrieve = validatePortalQuery(AdminGetEstimateParams, retrieveEstimateQueryConfig)

export const adminEstimatesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/estimates",
    middlewares: [validatePortalQuery(AdminGetEstimatesParams, listEstimatesQueryConfig)],
  },
  { method: ["POST"], matcher: "/admin/estimates", middlewares: [validatePortalBody(AdminCreateEstimate), retrieve] },
  { method: ["GET"], matcher: "/admin/estimates/:id", middlewares: [retrieve] },
  { method: ["POST"], matcher: "/admin/estimates/:id", middlewares: [validatePortalBody(AdminUpdateEstimate), retrieve] },
  { method: ["POST"], matcher: "/admin/estimates/:id/send", middlewares: [retrieve] },
  {
    method: ["POST"],
    matcher: "/admin/estimates/:id/convert",
    middlewares: [validatePortalBody(AdminConvertEstimate), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/estimates/:id/revise",
    middlewares: [validatePortalBody(AdminReviseEstimate), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/estimates/:id/deposit",
    middlewares: [validatePortalBody(AdminSetEstimateDeposit), retrieve],
  },
]
