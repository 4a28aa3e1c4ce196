import type { MedusaContainer } from "@medusajs/framework/types"
import type { Translate } from "../../lib/i18n"
import { ApprovalPolicy, estimateFingerprint } from "../../lib/approval"
import { serializePortalEstimate, serializePortalEstimateDetail, serializePortalEstimateRevision } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import type { PortalEstimatesQueryType } from "../portal/validators"
import { loadStandingDecision } from "./estimate-decision"
import { documentViewEvent, ViewedVia } from "./view-log"

/** One page of the customer's estimates (every sent one, pending or decided), newest first; labels in `t`'s language. */
export async function loadEstimateList(scope: MedusaContainer, customerId: string, query: PortalEstimatesQueryType, t?: Translate) {
  const [estimates, count] = await scope.resolve<PortalModuleService>(PORTAL_MODULE).listCustomerEstimates(customerId, query)
  const now = new Date()
  return { estimates: estimates.map((e) => serializePortalEstimate(e, now, t)), count, offset: query.offset, limit: query.limit }
}

/**
 * One of the customer's estimates with its lines; another customer's is "not found".
 * With `viewed_via` the read is a customer's view and is logged — by the read's own statement.
 * With the owner's approval `policy` (the customer's faces) it carries `document_hash`, the
 * fingerprint a decision sends back, `approval`, what approving asks of the customer, and
 * `decision`, the signed record that stands on a decided estimate (null, and no query, otherwise),
 * and `revised_as`, the newer revision of a rejected estimate once the owner sent it (null, and no
 * query, unless the estimate is rejected).
 */
export async function loadEstimate(
  scope: MedusaContainer,
  customerId: string,
  input: { id: string; viewed_via?: ViewedVia; policy?: ApprovalPolicy; t?: Translate }
) {
  const portal = scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const view = input.viewed_via ? documentViewEvent(customerId, "estimate", input.id, input.viewed_via) : undefined
  const shown = serializePortalEstimateDetail(await portal.retrieveCustomerEstimateDetail(customerId, input.id, { view }), new Date(), input.t)
  if (!input.policy) {
    return { estimate: shown }
  }
  const estimate = {
    ...shown,
    document_hash: estimateFingerprint(shown, input.policy.terms),
    approval: { requires_name: input.policy.requires_name, terms: input.policy.terms },
  }
  return {
    estimate,
    decision: await loadStandingDecision(scope, shown),
    revised_as: await loadSentRevision(portal, customerId, shown, input.t),
  }
}

/** Only a rejected estimate can have been revised (issue #14); the serializer hides a draft revision. */
async function loadSentRevision(portal: PortalModuleService, customerId: string, estimate: { id: string; status: string }, t?: Translate) {
  if (estimate.status !== "rejected") {
    return null
  }
  const [revision] = await portal.listPortalEstimates(
    { revision_of_id: estimate.id, customer_id: customerId },
    { select: ["id", "display_number", "status"], take: 1 }
  )
  return serializePortalEstimateRevision(revision, t)
}

export type PortalEstimateListDTO = Awaited<ReturnType<typeof loadEstimateList>>
export type PortalEstimateDTO = Awaited<ReturnType<typeof loadEstimate>>
