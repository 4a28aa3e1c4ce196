import type { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { requireCustomerId } from "../../../lib/document-input"
import { DECOY_HASH, generatePortalToken, hashesEqual, hashPortalToken, isTokenShaped } from "../../../lib/tokens"
import type { PortalTokenSource } from "../constants"
import { ensureAccess } from "./access"
import { retrieveSettings } from "./settings"
import type { PortalDeps } from "./types"

const DAY_MS = 86_400_000

export type TokenCheck =
  | { outcome: "unknown" }
  | { outcome: "valid" | "expired" | "revoked"; token_id: string; customer_id: string; expires_at: Date }

/**
 * Creates a magic link for a customer. Returns the raw token once: only its hash is stored.
 * Refused while the customer's access is disabled.
 */
export async function issuePortalToken(
  deps: PortalDeps,
  customerId: string,
  input: { source: PortalTokenSource; ttl_days?: number },
  sharedContext: Context
) {
  const access = await ensureAccess(deps, requireCustomerId(customerId), sharedContext)
  if (!access.enabled) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      "Portal access is disabled for this customer; enable it before sending a link"
    )
  }
  const ttlDays = input.ttl_days ?? (await retrieveSettings(deps, sharedContext)).link_ttl_days
  const token = generatePortalToken()
  const record = await deps.service.createPortalTokens(
    {
      customer_id: customerId,
      token_hash: hashPortalToken(token),
      source: input.source,
      expires_at: new Date(Date.now() + ttlDays * DAY_MS),
    },
    sharedContext
  )
  return { token, portal_token: record }
}

/**
 * Looks a raw token up by its hash. Every outcome costs one indexed lookup and one
 * constant-time comparison, so unknown, expired and revoked tokens are not told apart by time.
 */
export async function verifyPortalToken({ service }: PortalDeps, rawToken: unknown, sharedContext: Context): Promise<TokenCheck> {
  const hash = hashPortalToken(typeof rawToken === "string" ? rawToken.slice(0, 100) : "")
  const [record] = isTokenShaped(rawToken)
    ? await service.listPortalTokens({ token_hash: hash }, { take: 1 }, sharedContext)
    : [undefined]
  const matches = hashesEqual(record?.token_hash ?? DECOY_HASH, hash)
  if (!record || !matches) {
    return { outcome: "unknown" }
  }
  const base = { token_id: record.id, customer_id: record.customer_id, expires_at: record.expires_at }
  if (record.revoked_at) {
    return { outcome: "revoked", ...base }
  }
  if (new Date(record.expires_at).getTime() <= Date.now()) {
    return { outcome: "expired", ...base }
  }
  return { outcome: "valid", ...base }
}

/** Revokes one of the customer's links; another customer's link id is "not found". */
export async function revokePortalToken({ service }: PortalDeps, customerId: string, tokenId: string, sharedContext: Context) {
  const [token] = await service.listPortalTokens({ id: tokenId, customer_id: customerId }, { take: 1 }, sharedContext)
  if (!token) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Portal link with id "${tokenId}" was not found`)
  }
  if (!token.revoked_at) {
    await service.updatePortalTokens({ id: tokenId, revoked_at: new Date() }, sharedContext)
  }
  return token
}
