import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { submittedSecretMatches } from "../../lib/tokens"
import { csrfToken } from "./csrf-token"
import { renderPortalMessage } from "./portal-pages"

/** For POST pages, after `portalPageAuth` (which puts the session into the Authorization header). */
export async function verifyCsrf(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers["x-csrf-token"]
  if (submittedSecretMatches(sent, csrfToken(req))) {
    return next()
  }
  await renderPortalMessage(req, res, 403, {
    title: "This form has expired",
    paragraphs: ["Go back, reload the page and try again. Nothing was changed."],
  })
}
