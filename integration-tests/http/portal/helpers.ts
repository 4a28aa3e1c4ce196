import type { MedusaContainer } from "@medusajs/framework/types"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"

export const noRedirect = { maxRedirects: 0, validateStatus: () => true }

const cookiePair = (response: any, name: string) =>
  ((response.headers["set-cookie"] as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`))?.split(";")[0]

/**
 * Opens a link as a browser does: the link page (which changes nothing), then its "Open my
 * portal" button, a POST carrying the page's login-CSRF token and nonce cookie. Returns the
 * POST's response; `extraCookie` is sent along (e.g. an existing session).
 */
export async function pressOpenLink(api: any, linkUrl: string, extraCookie?: string) {
  const url = new URL(linkUrl, "http://x")
  const page = await api.get(url.pathname + url.search, { ...noRedirect, headers: extraCookie ? { cookie: extraCookie } : {} })
  if (page.status !== 200) {
    return page
  }
  const nonce = cookiePair(page, "portal_link_nonce")!
  const cookie = [nonce, extraCookie].filter(Boolean).join("; ")
  // The button posts to the form's action, as a browser does (it keeps the link's `?next=`).
  const action = formActionFrom(page.data)
  return api.post(action, new URLSearchParams({ _csrf: csrfFrom(page.data) }).toString(), {
    ...noRedirect,
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
  })
}

/** The portal session cookie ("portal_session=…") a response set. */
export const sessionCookieFrom = (response: any) => cookiePair(response, "portal_session")!

/** Opens a fresh magic link for the customer and returns request options carrying the session. */
export async function portalSession(api: any, container: MedusaContainer, customerId: string) {
  const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customerId } })
  const opened = await pressOpenLink(api, link.url)
  return { headers: { cookie: sessionCookieFrom(opened) }, ...noRedirect }
}

/** The action of a page's (first) POST form, unescaped as a browser reads it. */
export function formActionFrom(html: string) {
  const match = html.match(/<form method="post" action="([^"]+)"/)
  if (!match) {
    throw new Error("no POST form on the page")
  }
  return match[1].replace(/&amp;/g, "&")
}

/** The form token a page carries, to post its forms like a browser would. */
export function csrfFrom(html: string) {
  const match = html.match(/name="_csrf" value="([^"]+)"/)
  if (!match) {
    throw new Error("no CSRF token on the page")
  }
  return match[1]
}

export const formPost = (session: { headers: Record<string, string> }) => ({
  ...session,
  headers: { ...session.headers, "content-type": "application/x-www-form-urlencoded" },
})
