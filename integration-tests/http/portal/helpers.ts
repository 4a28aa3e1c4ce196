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
  const path = new URL(linkUrl, "http://x").pathname
  const page = await api.get(path, { ...noRedirect, headers: extraCookie ? { cookie: extraCookie } : {} })
  if (page.status !== 200) {
    return page
  }
  const nonce = cookiePair(page, "portal_link_nonce")!
  const cookie = [nonce, extraCookie].filter(Boolean).join("; ")
  return api.post(path, new URLSearchParams({ _csrf: csrfFrom(page.data) }).toString(), {
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
