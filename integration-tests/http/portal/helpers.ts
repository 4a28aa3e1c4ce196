import type { MedusaContainer } from "@medusajs/framework/types"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"

export const noRedirect = { maxRedirects: 0, validateStatus: () => true }

/** Opens a fresh magic link for the customer and returns request options carrying the session. */
export async function portalSession(api: any, container: MedusaContainer, customerId: string) {
  const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customerId } })
  const opened = await api.get(new URL(link.url).pathname, noRedirect)
  const cookie = (opened.headers["set-cookie"] as string[]).find((c) => c.startsWith("portal_session="))!.split(";")[0]
  return { headers: { cookie }, ...noRedirect }
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
