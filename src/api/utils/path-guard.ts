import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { requestPath } from "./portal-headers"

/** C0 control characters and DEL, percent-encoded (%00–%1F, %7F) or raw. */
const CONTROL_IN_PATH = /%(?:[01][0-9a-f]|7f)|[\u0000-\u001f\u007f]/i

/**
 * Ids from the path go to PostgreSQL as they are, and PostgreSQL refuses a NUL byte (the request
 * used to end in a 500). No id or path of the plugin holds a control character, so such a path
 * names nothing: 404, before any lookup.
 */
export function refuseControlCharactersInPath(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (CONTROL_IN_PATH.test(requestPath(req))) {
    return next(
      new MedusaError(
        MedusaError.Types.NOT_FOUND,
        "Nothing exists at this address: it contains a control character. Check the link and try again."
      )
    )
  }
  next()
}

/** Every path prefix the plugin serves (global middlewares: they match these and everything below). */
export const PLUGIN_PATH_PREFIXES = [
  "/portal",
  "/store/portal",
  "/admin/portal",
  "/admin/invoices",
  "/admin/estimates",
  "/admin/orders/:id/invoice",
  "/admin/customers/:id/portal-access",
  "/admin/customers/:id/portal-activity",
]
