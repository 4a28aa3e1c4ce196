import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import { serviceHistory } from "../../utils/service-history"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendPortalPage(req, res, 200, "history.html.njk", {
    title: "Service history",
    entries: await serviceHistory(req, portalCustomerId(req)),
  })
}
