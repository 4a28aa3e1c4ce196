import type {
  MedusaErrorHandlerFunction,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { errorHandler, getHttpResponseFromError } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { applyPortalResponseHeaders, isPortalPagePath, isStorePortalPath, requestPath } from "./portal-headers"
import { PortalMessage, renderPortalMessage } from "./portal-pages"
import { localizeMessage, type Translate } from "../../lib/i18n"
import { requestT } from "./request-locale"

function notFound(t: Translate): PortalMessage {
  return {
    title: t("msg.error.not_found_title"),
    paragraphs: [t("msg.error.not_found_body")],
    link: { url: "/portal", label: t("msg.error.go_to_portal") },
  }
}

/** What a customer reads for an error status; 4xx messages from Medusa errors are meant for users. */
function portalErrorMessage(status: number, message: string | undefined, t: Translate): PortalMessage {
  if (status === 404) {
    return notFound(t)
  }
  if (status >= 500) {
    return {
      title: t("msg.error.server_title"),
      paragraphs: [t("msg.error.server_body")],
      link: { url: "/portal", label: t("msg.error.go_to_portal") },
    }
  }
  return {
    title: status === 401 || status === 403 ? t("msg.error.forbidden_title") : t("msg.error.bad_request_title"),
    paragraphs: [message || t("msg.error.bad_request_body")],
    link: { url: "/portal", label: t("msg.error.go_to_portal") },
  }
}

/** A portal page answers an error with a portal page (headers, branding, a way back), never raw JSON. */
async function renderPortalError(err: unknown, req: MedusaRequest, res: MedusaResponse) {
  const isZod = Boolean(err && typeof err === "object" && Array.isArray((err as { issues?: unknown }).issues))
  const { statusCode, body } = isZod ? { statusCode: 400, body: { message: undefined } } : getHttpResponseFromError(err)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  if (statusCode >= 500) {
    logger.error(err as Error)
  } else {
    logger.info(`Portal page ${requestPath(req)} answered ${statusCode}: ${body.message}`)
  }
  await renderPortalMessage(req, res, statusCode, portalErrorMessage(statusCode, body.message, await requestT(req)))
}

/**
 * A store route's refusal in the customer's language (lib/i18n `localizeMessage`): the one place
 * the JSON face translates what validators, workflows and the module refused with. The status and
 * `type` stay; a message the catalogs do not know stays English.
 */
async function localizeStoreError(err: unknown, req: MedusaRequest) {
  const message = (err as { message?: unknown } | null)?.message
  if (typeof message !== "string" || !message) {
    return
  }
  const localized = localizeMessage(message, await requestT(req))
  if (localized !== message) {
    ;(err as { message: string }).message = localized
  }
}

/**
 * The app's error handler (Medusa keeps one; a merchant's own `errorHandler` replaces it): errors
 * under /portal render the portal's error page, errors under /store/portal get the portal's
 * response headers; everything else, and anything this cannot render, goes to Medusa's handler.
 */
export function portalErrorHandler(): MedusaErrorHandlerFunction {
  const medusaErrorHandler = errorHandler()
  return async (err, req, res, next) => {
    const path = requestPath(req)
    if (res.headersSent || !req.scope || !(isPortalPagePath(path) || isStorePortalPath(path))) {
      return medusaErrorHandler(err, req, res, next)
    }
    try {
      applyPortalResponseHeaders(req, res)
      if (isPortalPagePath(path)) {
        return await renderPortalError(err, req, res)
      }
      await localizeStoreError(err, req)
    } catch {
      // e.g. the database is down and the settings cannot be read: Medusa's JSON answer will do.
      if (res.headersSent) {
        return
      }
    }
    return medusaErrorHandler(err, req, res, next)
  }
}

/**
 * Registered after every portal route (a params matcher sorts last): a /portal path no route
 * answered gets the portal's 404 page instead of Express's "Cannot GET". Medusa's file router
 * has no catch-all route segment, hence a middleware.
 */
export async function portalNotFound(req: MedusaRequest, res: MedusaResponse, _next: MedusaNextFunction) {
  await renderPortalMessage(req, res, 404, notFound(await requestT(req)))
}
