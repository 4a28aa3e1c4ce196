import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** How the owner sees a customer named in a notification. */
export function customerDisplayName(customer?: {
  first_name?: string | null
  last_name?: string | null
  company_name?: string | null
  email?: string | null
} | null) {
  return (
    [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") ||
    customer?.company_name ||
    customer?.email ||
    "A customer"
  )
}

/**
 * An entry in the Medusa admin's notification feed. Keyed, so a second delivery of the event
 * behind it adds nothing; that second attempt fails on the key and is only logged.
 */
export async function notifyOwnerFeed(
  container: MedusaContainer,
  entry: { title: string; description: string; resource_type: "invoice" | "estimate"; resource_id: string; key: string }
) {
  await container
    .resolve(Modules.NOTIFICATION)
    .createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: { title: entry.title, description: entry.description },
      resource_id: entry.resource_id,
      resource_type: entry.resource_type,
      idempotency_key: entry.key,
    })
    .catch((error: Error) =>
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Feed notification for ${entry.resource_type} ${entry.resource_id}: ${error.message}`)
    )
}
