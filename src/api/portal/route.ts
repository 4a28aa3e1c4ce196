import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { portalCustomerId } from "../utils/portal-auth"
import { sendPortalPage } from "../utils/portal-pages"

/** The portal's home page (guarded by `portalPageAuth` in middlewares.ts). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customer = await req.scope.resolve(Modules.CUSTOMER).retrieveCustomer(portalCustomerId(req), {
    select: ["id", "first_name", "last_name"],
  })
  await sendPortalPage(req, res, 200, "home.html.njk", { title: "Your portal", customer })
}
