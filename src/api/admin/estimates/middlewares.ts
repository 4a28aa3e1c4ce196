import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listEstimatesQueryConfig, retrieveEstimateQueryConfig } from "./query-config"
import {
  AdminConvertEstimate,
  AdminCreateEstimate,
  AdminGetEstimateParams,
  AdminGetEstimatesParams,
  AdminReviseEstimate,
  AdminUpdateEstimate,
} from "./validators"

const retrieve = validateAndTransformQuery(AdminGetEstimateParams, retrieveEstimateQueryConfig)

export const adminEstimatesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/estimates",
    middlewares: [validateAndTransformQuery(AdminGetEstimatesParams, listEstimatesQueryConfig)],
  },
  { method: ["POST"], matcher: "/admin/estimates", middlewares: [validateAndTransformBody(AdminCreateEstimate), retrieve] },
  { method: ["GET"], matcher: "/admin/estimates/:id", middlewares: [retrieve] },
  { method: ["POST"], matcher: "/admin/estimates/:id", middlewares: [validateAndTransformBody(AdminUpdateEstimate), retrieve] },
  { method: ["POST"], matcher: "/admin/estimates/:id/send", middlewares: [retrieve] },
  {
    method: ["POST"],
    matcher: "/admin/estimates/:id/convert",
    middlewares: [validateAndTransformBody(AdminConvertEstimate), retrieve],
  },
  {
    method: ["POST"],
    matcher: "/admin/estimates/:id/revise",
    middlewares: [validateAndTransformBody(AdminReviseEstimate), retrieve],
  },
]
