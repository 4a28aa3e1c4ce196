import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadServiceHistory } from "../../loaders"
import { portalCustomerId } from "../../utils/portal-auth"
import { portalPageUrl, sendPortalPage } from "../../utils/portal-pages"
import { requestSettings } from "../../utils/request-settings"
import { requestT } from "../../utils/request-locale"

/** The history, each entry linked to its portal page when that section is on. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const t = await requestT(req)
  const [{ history }, settings] = await Promise.all([loadServiceHistory(req.scope, portalCustomerId(req), t), requestSettings(req)])
  await sendPortalPage(req, res, 200, "history.html.njk", {
    title: t("page.history.title"),
    entries: history.map((entry) => ({ ...entry, url: portalPageUrl(entry, settings) })),
  })
}
