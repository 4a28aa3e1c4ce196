import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { validatePortalQuery } from "../../utils/validate-query"
import { listEstimatesQueryConfig, retrieveEstimateQueryConfig } from "./query-config"
import {
  AdminConvertEstimate,
  AdminCreateEstimate,
  AdminGetEstimateParams,
  AdminGetEstimatesParams,
  AdminReviseEstimate,
  AdminUpdateEstimate,
} from "./validators"

const retrieve = validatePortalQuery(AdminGetEstimateParams, retrieveEstimateQueryConfig)

export const adminEstimatesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/estimates",
    middlewares: [validatePortalQuery(AdminGetEstimatesParams, listEstimatesQueryConfig)],
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
