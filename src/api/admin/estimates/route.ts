import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminEstimateListResponse, AdminEstimateResponse, Sendable } from "../../../types/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createEstimateWorkflow } from "../../../workflows/estimate"
import { estimateFilters, presentEstimate, refetchEstimate } from "./helpers"
import type { AdminCreateEstimateType, AdminGetEstimatesParamsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetEstimatesParamsType>, res: MedusaResponse<Sendable<AdminEstimateListResponse>>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "portal_estimate",
    fields: req.queryConfig.fields,
    filters: estimateFilters(req.filterableFields),
    pagination: req.queryConfig.pagination,
  })
  res.json({
    estimates: data.map((estimate) => presentEstimate(estimate)),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateEstimateType>, res: MedusaResponse<Sendable<AdminEstimateResponse>>) => {
  const { result } = await createEstimateWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ estimate: await refetchEstimate(req, result.id) })
}
