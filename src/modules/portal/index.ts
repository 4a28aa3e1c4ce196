import { Module } from "@medusajs/framework/utils"
import createDefaultSettingsLoader from "./loaders/create-default-settings"
import PortalModuleService from "./service"

export const PORTAL_MODULE = "portal"

export default Module(PORTAL_MODULE, {
  service: PortalModuleService,
  loaders: [createDefaultSettingsLoader],
})

export { PortalModuleService }
export * from "./constants"
