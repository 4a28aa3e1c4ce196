import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formPagePath } from "../../lib/portal-next"
import { submittedSecretMatches } from "../../lib/tokens"
import { csrfToken } from "./csrf-token"
import { requestPath } from "./portal-headers"
import { renderPortalMessage } from "./portal-pages"
import { requestT } from "./request-locale"

/**
 * For POST pages, after `portalPageAuth` (which puts the session into the Authorization header).
 * A missing or stale token (a page left open across a new sign-in, say) gets a page that says
 * nothing changed and links back to the form's page for a fresh one.
 */
export async function verifyCsrf(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers["x-csrf-token"]
  if (submittedSecretMatches(sent, csrfToken(req))) {
    return next()
  }
  const t = await requestT(req)
  await renderPortalMessage(req, res, 403, {
    title: t("msg.expired_form.title"),
    paragraphs: [t("msg.expired_form.body")],
    link: { url: formPagePath(requestPath(req)), label: t("msg.expired_form.reload") },
  })
}
