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

const NOT_FOUND: PortalMessage = {
  title: "Page not found",
  paragraphs: ["We could not find this page. The link may be mistyped, or the document is no longer available to you."],
  link: { url: "/portal", label: "Go to your portal" },
}

/** What a customer reads for an error status; 4xx messages from Medusa errors are meant for users. */
function portalErrorMessage(status: number, message: string | undefined): PortalMessage {
  if (status === 404) {
    return NOT_FOUND
  }
  if (status >= 500) {
    return {
      title: "Something went wrong",
      paragraphs: ["Please try again in a moment. If it keeps happening, contact the business."],
      link: { url: "/portal", label: "Go to your portal" },
    }
  }
  return {
    title: status === 401 || status === 403 ? "You cannot open this page" : "This request could not be completed",
    paragraphs: [message || "Go back and try again."],
    link: { url: "/portal", label: "Go to your portal" },
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
  await renderPortalMessage(req, res, statusCode, portalErrorMessage(statusCode, body.message))
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
  await renderPortalMessage(req, res, 404, NOT_FOUND)
}
