import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { depositAmount } from "../../../lib/deposit"
import { deriveEstimateStatus, isEstimateExpired } from "../../../lib/status"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { AdminEstimate, AdminEstimateRevisionLink, Sendable } from "../../../types/http"
import { likeEscape } from "../../utils/document-validators"

type AnyEstimate = Record<string, any>

/**
 * Adds the derived status (Pending / Accepted / Rejected) and whether a pending one expired. Typed
 * as the response shape, for the reason `presentInvoice` gives.
 */
export function presentEstimate(estimate: AnyEstimate, now = new Date()): Sendable<AdminEstimate> {
  const extra: Record<string, unknown> = {}
  if (estimate.status !== undefined) {
    extra.display_status = deriveEstimateStatus(estimate as any)
  }
  if (estimate.valid_until !== undefined) {
    extra.is_expired = estimate.status === "sent" && isEstimateExpired(estimate, now)
  }
  if (estimate.deposit_type !== undefined && estimate.total !== undefined) {
    // What the deposit comes to in money, by the one rule the customer's page uses.
    extra.deposit_amount = depositAmount(estimate as never).numeric
  }
  if (Array.isArray(estimate.lines)) {
    extra.lines = [...estimate.lines].sort((a, b) => a.rank - b.rank)
  }
  return { ...estimate, ...extra } as Sendable<AdminEstimate>
}

export function estimateFilters(filterable: Record<string, any>) {
  const { status, q, ...filters } = filterable
  const and: Record<string, unknown>[] = []
  if (status !== undefined) {
    const statuses: string[] = (Array.isArray(status) ? status : [status]).map((s: string) =>
      s === "pending" ? "sent" : s
    )
    and.push({ status: { $in: [...new Set(statuses)] } })
  }
  if (q) {
    and.push({ display_number: { $ilike: `%${likeEscape(q)}%` } })
  }
  return and.length ? { ...filters, $and: and } : filters
}

export async function refetchEstimate(req: MedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "portal_estimate",
    fields: req.queryConfig?.fields ?? ["*", "lines.*"],
    filters: { id },
  })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
  }
  return presentEstimate(data[0])
}

const REVISION_LINK_FIELDS = ["id", "display_number", "status", "revision"] as const

/**
 * The estimate's place in its revision history, for the detail read: the estimate it revises and
 * its own newer revision (drafts included: this is the owner's view). One query for both.
 */
export async function withRevisionLinks(
  scope: MedusaRequest["scope"],
  estimate: Sendable<AdminEstimate>
): Promise<Sendable<AdminEstimate>> {
  const portal = scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const id = String(estimate.id)
  const revisionOf = estimate.revision_of_id ? String(estimate.revision_of_id) : null
  const or: Record<string, string>[] = [{ revision_of_id: id }]
  if (revisionOf) {
    or.push({ id: revisionOf })
  }
  const neighbours = (await portal.listPortalEstimates({ $or: or }, { select: [...REVISION_LINK_FIELDS] })) as unknown as AdminEstimateRevisionLink[]
  const link = (row: AdminEstimateRevisionLink | undefined) =>
    row ? { id: row.id, display_number: row.display_number, status: row.status, revision: row.revision } : null
  return {
    ...estimate,
    revision_of: link(neighbours.find((n) => n.id === revisionOf)),
    revised_as: link(neighbours.find((n) => n.id !== revisionOf)),
  }
}
