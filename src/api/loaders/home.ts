import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { serializePortalCustomerIdentity } from "../../lib/serializers"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import type { ModulePortalSettings } from "../../types/module"

/** The home figures: open balance per currency, overdue invoices, estimates waiting. */
export async function loadPortalSummary(scope: MedusaContainer, customerId: string) {
  return { summary: await scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveCustomerSummary(customerId) }
}

/**
 * Who is signed in, and which sections the business has turned on. A request that already read
 * the settings (the session check did) passes them in, so they are not read twice.
 */
export async function loadPortalMe(
  scope: MedusaContainer,
  customerId: string,
  input: { settings?: ModulePortalSettings | Promise<ModulePortalSettings> } = {}
) {
  const [customer, settings] = await Promise.all([
    scope.resolve(Modules.CUSTOMER).retrieveCustomer(customerId, {
      select: ["id", "email", "first_name", "last_name", "company_name", "phone"],
    }),
    input.settings ?? scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveSettings(),
  ])
  return {
    customer: serializePortalCustomerIdentity(customer),
    portal: {
      business_name: settings.business_name,
      sections: {
        invoices: settings.allow_invoices,
        estimates: settings.allow_estimates,
        payments: settings.allow_payments,
        profile: settings.allow_profile_updates,
        service_history: settings.allow_service_history,
      },
    },
  }
}

export type PortalSummaryDTO = Awaited<ReturnType<typeof loadPortalSummary>>
export type PortalMeDTO = Awaited<ReturnType<typeof loadPortalMe>>
