import type { MedusaContainer } from "@medusajs/framework/types"
import { serializePortalEstimate, serializePortalEstimateDetail } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import type { PortalEstimatesQueryType } from "../portal/validators"
import { documentViewEvent, ViewedVia } from "./view-log"

/** One page of the customer's estimates (every sent one, pending or decided), newest first. */
export async function loadEstimateList(scope: MedusaContainer, customerId: string, query: PortalEstimatesQueryType) {
  const [estimates, count] = await scope.resolve<PortalModuleService>(PORTAL_MODULE).listCustomerEstimates(customerId, query)
  const now = new Date()
  return { estimates: estimates.map((e) => serializePortalEstimate(e, now)), count, offset: query.offset, limit: query.limit }
}

/**
 * One of the customer's estimates with its lines; another customer's is "not found".
 * With `viewed_via` the read is a customer's view and is logged — by the read's own statement.
 */
export async function loadEstimate(scope: MedusaContainer, customerId: string, input: { id: string; viewed_via?: ViewedVia }) {
  const portal = scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const view = input.viewed_via ? documentViewEvent(customerId, "estimate", input.id, input.viewed_via) : undefined
  const estimate = serializePortalEstimateDetail(await portal.retrieveCustomerEstimateDetail(customerId, input.id, { view }))
  return { estimate }
}

export type PortalEstimateListDTO = Awaited<ReturnType<typeof loadEstimateList>>
export type PortalEstimateDTO = Awaited<ReturnType<typeof loadEstimate>>
