/**
 * Where a customer lands after opening a link or signing in (`next`): an email about an invoice
 * opens that invoice. The one home of the rule that keeps `next` from being an open redirect:
 * only a same-origin path of a known portal page, compared as sent (nothing is decoded, so
 * `%2F`, `\`, `..`, `//host` and schemes never match); anything else lands on the portal home.
 * A `next` names a page, never anything secret: it travels in links and log lines.
 */
export const PORTAL_HOME = "/portal"

/** Longer than any page path the portal has; a longer value is refused before any matching. */
export const MAX_NEXT_LENGTH = 200

/** Medusa ids (`inv_01J…`): letters, digits, `_` and `-` only. */
const ID = "[A-Za-z0-9_-]{1,80}"

/** The pages a link may land on (GET pages that change nothing). */
const LANDING_PAGES = [
  "/portal",
  "/portal/invoices",
  `/portal/invoices/${ID}`,
  "/portal/estimates",
  `/portal/estimates/${ID}`,
  "/portal/profile",
  "/portal/history",
  "/portal/statement",
].map((pattern) => new RegExp(`^${pattern}$`))

/** True when `value` is a path a link may land on. */
export function isSafePortalNext(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_NEXT_LENGTH && LANDING_PAGES.some((page) => page.test(value))
}

/** The page to land on: `value` when it is a known portal page path, otherwise the portal home. */
export function safePortalNext(value: unknown): string {
  return isSafePortalNext(value) ? value : PORTAL_HOME
}

/** The `next` worth carrying along (a safe page other than home), or null. */
export function carriedNext(value: unknown): string | null {
  const next = safePortalNext(value)
  return next === PORTAL_HOME ? null : next
}

/** `url` with `?next=` appended when `next` is worth carrying (a link, the login page, a form action). */
export function withNext(url: string, next: unknown): string {
  const carried = carriedNext(next)
  return carried ? `${url}${url.includes("?") ? "&" : "?"}next=${encodeURIComponent(carried)}` : url
}

/** The portal page of an invoice or estimate an email is about. */
export function documentPagePath(document: { type: "invoice" | "estimate"; id: string } | null | undefined): string | null {
  if (!document) {
    return null
  }
  return carriedNext(`/portal/${document.type === "invoice" ? "invoices" : "estimates"}/${document.id}`)
}

/**
 * The page a portal form was shown on, for "try again" after its token expired: the path of the
 * POST without its action (`/accept`, `/reject`, `/pay`), when that is a known page.
 */
export function formPagePath(postPath: string): string {
  return safePortalNext(postPath.replace(/\/(accept|reject|pay)$/, ""))
}
