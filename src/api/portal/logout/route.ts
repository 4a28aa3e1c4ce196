import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { clearPortalCookie } from "../../utils/portal-auth"
import { renderPortalMessage } from "../../utils/portal-pages"

/** Ends the session on this device; the link itself keeps working until it expires. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  clearPortalCookie(req, res)
  return renderPortalMessage(req, res, 200, {
    title: "You are signed out",
    paragraphs: ["Open the link from your email to come back."],
  })
}
