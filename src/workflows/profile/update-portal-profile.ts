import {
  createCustomerAddressesWorkflow,
  updateCustomerAddressesWorkflow,
  updateCustomersWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PortalProfileInputType } from "../../lib/profile-input"
import { defaultAddress } from "../../lib/serializers/portal-customer"
import { PortalEventActor, PortalEventType } from "../../modules/portal/constants"
import { setPortalAccessLocaleStep } from "../access/steps/set-portal-access-locale"
import { logPortalEventStep } from "../steps"

export const updatePortalProfileWorkflowId = "update-portal-profile"

/**
 * A customer edits their profile in the portal. Goes through Medusa's own customer workflows
 * (with their compensation and hooks), so the owner sees the change on the customer page and
 * anything listening to Medusa's customer events hears of it.
 */
export const updatePortalProfileWorkflow = createWorkflow(
  updatePortalProfileWorkflowId,
  (input: { customer_id: string; profile: PortalProfileInputType }) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "addresses.*"],
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    })

    const plan = transform({ customers, input }, ({ customers, input }) => {
      const p = input.profile
      const address = defaultAddress((customers[0].addresses ?? []) as never[]) as { id: string } | null
      const hasAddress = Boolean(p.address_1 && p.city && p.country_code)
      return {
        customer: {
          selector: { id: input.customer_id },
          update: { first_name: p.first_name, last_name: p.last_name, company_name: p.company_name, phone: p.phone },
        },
        address: {
          address_1: p.address_1,
          address_2: p.address_2,
          city: p.city,
          postal_code: p.postal_code,
          province: p.province,
          country_code: p.country_code,
        },
        address_id: hasAddress ? (address?.id ?? null) : null,
        create_address: hasAddress && !address,
      }
    })

    updateCustomersWorkflow.runAsStep({ input: plan.customer })

    when({ plan }, ({ plan }) => Boolean(plan.address_id)).then(() => {
      const update = transform({ plan }, ({ plan }) => ({ selector: { id: plan.address_id! }, update: plan.address }))
      updateCustomerAddressesWorkflow.runAsStep({ input: update })
    })
    when({ plan }, ({ plan }) => plan.create_address).then(() => {
      const create = transform({ plan, input }, ({ plan, input }) => ({
        addresses: [
          { ...plan.address, customer_id: input.customer_id, is_default_billing: true, is_default_shipping: true },
        ],
      }))
      createCustomerAddressesWorkflow.runAsStep({ input: create as never })
    })

    // The language lives on the portal access row, not on Medusa's customer.
    when({ input }, ({ input }) => input.profile.locale !== undefined).then(() => {
      const locale = transform({ input }, ({ input }) => ({ customer_id: input.customer_id, locale: input.profile.locale ?? null }))
      setPortalAccessLocaleStep(locale)
    })

    const event = transform({ input }, ({ input }) => ({
      type: PortalEventType.PROFILE_UPDATED,
      customer_id: input.customer_id,
      actor: PortalEventActor.CUSTOMER,
      data: { fields: Object.keys(input.profile) },
    }))
    logPortalEventStep(event)
    return new WorkflowResponse(undefined)
  }
)
