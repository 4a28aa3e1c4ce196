import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminPortalSettingsResponse, Sendable } from "../../../../types/http"
import { PORTAL_MODULE } from "../../../../modules/portal"
import type PortalModuleService from "../../../../modules/portal/service"
import { updatePortalSettingsWorkflow } from "../../../../workflows/settings"
import type { AdminUpdatePortalSettingsType } from "./validators"

/** The portal settings, with their defaults (portal off) before the owner first saves. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<Sendable<AdminPortalSettingsResponse>>) => {
  const settings = await req.scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings()
  res.json({ portal_settings: settings })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdatePortalSettingsType>, res: MedusaResponse<Sendable<AdminPortalSettingsResponse>>) => {
  const { result } = await updatePortalSettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ portal_settings: result })
}
