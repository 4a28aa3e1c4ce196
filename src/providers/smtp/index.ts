import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { SmtpNotificationService } from "./service"

export type { SmtpNotificationOptions } from "./service"
export { SmtpNotificationService }

export default ModuleProvider(Modules.NOTIFICATION, {
  services: [SmtpNotificationService],
})
