import type { IAuthModuleService, ICustomerModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createHmac } from "crypto"
import jwt from "jsonwebtoken"
import { adminHeaders, createAdminUser } from "../utils/admin"
import { createCustomer } from "../utils/customer"
import { portalService, portalSnapshot } from "../utils/portal"
import { noRedirect, pressOpenLink, sessionCookieFrom } from "../http/portal/helpers"

/** medusa-config.ts: both secrets fall back to "supersecret" when unset (as in the tests). */
export const JWT_SECRET = () => process.env.JWT_SECRET || "supersecret"
export const COOKIE_SECRET = () => process.env.COOKIE_SECRET || "supersecret"

/** The portal's form token for a session string, computed exactly as src/api/utils/csrf.ts does. */
export const csrfFor = (session: string) =>
  createHmac("sha256", COOKIE_SECRET()).update(`portal-csrf:${session}`).digest("base64url")

export const jwtOfCookie = (cookie: string) => cookie.slice(cookie.indexOf("=") + 1)

export async function publishableKey(container: MedusaContainer) {
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
  })
  return keys[0].token as string
}

/** A link copied by the owner (the admin route), as { id, url }. */
export async function copyLink(api: any, customerId: string) {
  const response = await api.post(`/admin/customers/${customerId}/portal-access/link`, {}, adminHeaders)
  if (response.status !== 200) {
    throw new Error(`copy link for ${customerId}: ${response.status} ${JSON.stringify(response.data)}`)
  }
  return response.data.link as { id: string; url: string }
}

export const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!

/** A page session (cookie value) and a storefront token, both from one fresh link. */
export async function sessionsFor(api: any, customerId: string, pk: string) {
  const link = await copyLink(api, customerId)
  const opened = await pressOpenLink(api, link.url)
  if (opened.status !== 303) {
    throw new Error(`opening a link answered ${opened.status}`)
  }
  const cookie = sessionCookieFrom(opened)
  const exchanged = await api.post("/store/portal/auth", { token: tokenOf(link.url) }, { headers: { "x-publishable-api-key": pk }, ...noRedirect })
  if (exchanged.status !== 200) {
    throw new Error(`exchanging a link answered ${exchanged.status}`)
  }
  return { link, pageJwt: jwtOfCookie(cookie), storeJwt: exchanged.data.token as string }
}

/**
 * A plain Medusa customer login: an emailpass auth identity for the customer and the JWT Medusa
 * issues for it (actor_type "customer"), as a storefront holds after /auth/customer/emailpass.
 */
export async function medusaCustomerLogin(container: MedusaContainer, customer: { id: string; email: string }) {
  const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
  const identity = await auth.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: customer.email }],
    app_metadata: { customer_id: customer.id },
  })
  return jwt.sign({ actor_id: customer.id, actor_type: "customer", auth_identity_id: identity.id, app_metadata: { customer_id: customer.id }, user_metadata: {} }, JWT_SECRET(), {
    expiresIn: "1d",
  })
}

export async function customerRow(container: MedusaContainer, id: string) {
  const [row] = await container
    .resolve<ICustomerModuleService>(Modules.CUSTOMER)
    .listCustomers({ id }, { relations: ["addresses"], withDeleted: true } as any)
  return row ? JSON.parse(JSON.stringify(row)) : null
}

/** Portal tables plus the given customers' rows (with addresses): "nothing changed" evidence. */
export async function worldSnapshot(container: MedusaContainer, customerIds: string[]) {
  const customers = await Promise.all(customerIds.map((id) => customerRow(container, id)))
  return { portal: await portalSnapshot(container), customers }
}

/** The first difference between two JSON values, as a path, or null when they are equal. */
export function firstDiff(a: unknown, b: unknown, path = "$"): string | null {
  if (a === b) {
    return null
  }
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)])
  for (const key of keys) {
    const d = firstDiff((a as any)[key], (b as any)[key], `${path}.${key}`)
    if (d) {
      return d
    }
  }
  return null
}

export { adminHeaders, createAdminUser, createCustomer, portalService }

export const PORTAL_TABLES = [
  "portal_settings",
  "portal_invoice",
  "portal_invoice_line",
  "portal_invoice_payment",
  "portal_estimate",
  "portal_estimate_line",
  "portal_access",
  "portal_token",
  "portal_session",
  "portal_event",
  "portal_sequence",
  "portal_reminder",
]

/**
 * A cheap "nothing changed" check for loops of thousands of requests: one query, an md5 of every
 * row of every Portal table, and of each watched customer's row and addresses (keyed
 * `customer:<id>`). Compare two results with `changedKeys`; use portalSnapshot for a readable diff.
 */
export async function rowChecksums(db: any, customerIds: string[] = []) {
  const agg = (from: string) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${from})`
  const parts = PORTAL_TABLES.map((t) => `${agg(`${t} x`)} AS "${t}"`)
  customerIds.forEach((id, i) => {
    if (!/^[A-Za-z0-9_]+$/.test(id)) throw new Error(`unexpected customer id ${id}`)
    parts.push(`${agg(`customer x WHERE x.id = '${id}'`)} || ${agg(`customer_address x WHERE x.customer_id = '${id}'`)} AS "customer:${id}"`)
    void i
  })
  return (await db.raw(`SELECT ${parts.join(", ")}`)).rows[0] as Record<string, string>
}

export const changedKeys = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((k) => a[k] !== b[k])
