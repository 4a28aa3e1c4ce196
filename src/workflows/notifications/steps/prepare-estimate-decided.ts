import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { customerDisplayName } from "../../../lib/owner-feed"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { NotifyOwnerFeedStepInput, SendPortalEmailStepInput } from "../../steps"

export type EstimateDecidedInput = { id: string; customer_id: string; decision: "accepted" | "rejected" }

/**
 * What the owner is told about a customer's decision on an estimate: the admin feed entry and,
 * when the settings name an owner notification address, the email to it.
 */
export const prepareEstimateDecidedStep = createStep(
  "prepare-estimate-decided-notice",
  async (input: EstimateDecidedInput, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const estimate = await portal.retrievePortalEstimate(input.id)
    const [customer] = await container
      .resolve(Modules.CUSTOMER)
      .listCustomers({ id: input.customer_id }, { select: ["id", "first_name", "last_name", "email", "company_name"] })
    const settings = await portal.retrieveSettings()
    const name = customerDisplayName(customer)
    const verb = input.decision === "accepted" ? "approved" : "rejected"

    const feed: NotifyOwnerFeedStepInput = {
      title: `Estimate ${estimate.display_number} ${verb}`,
      description: `${name} ${verb} estimate ${estimate.display_number}${estimate.decision_note ? `: “${estimate.decision_note}”` : ""}.`,
      resource_type: "estimate",
      resource_id: estimate.id,
      // One feed entry per decision, even if the event is delivered twice.
      key: `portal-estimate-decided-feed-${estimate.id}-${input.decision}`,
    }
    const data: EmailTemplateData<"estimate-decided"> = {
      customer_name: name,
      estimate_number: estimate.display_number ?? estimate.id,
      decision: input.decision,
      amount: estimate.total as never,
      currency_code: estimate.currency_code,
      note: estimate.decision_note,
      admin_url: `${portal.getPortalUrl()}/app/estimates/${estimate.id}`,
    }
    const email: SendPortalEmailStepInput<"estimate-decided"> | null = settings.owner_notification_email
      ? {
          to: settings.owner_notification_email,
          to_owner: true,
          customer_id: input.customer_id,
          template: "estimate-decided",
          data,
          subject_type: "estimate",
          subject_id: estimate.id,
        }
      : null
    return new StepResponse({ feed, email })
  }
)
