import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { estimatePdfData, pdfFileName } from "../../../lib/pdf"
import { serializePortalCustomer, serializePortalEstimateDecision, serializePortalEstimateDetail } from "../../../lib/serializers"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { SendPortalEmailStepInput } from "../../steps"
import { customerLocale } from "../../utils/customer-locale"

export type EstimateApprovedInput = {
  /** The approved estimate. */
  id: string
  customer_id: string
  /** The decision record the approval wrote, as `portal.estimate.accepted` carries it. */
  decision_id: string
}

/**
 * The customer's confirmation of a signed approval: the record (name, date, fingerprint) and the
 * approved estimate as a PDF that prints the same record.
 */
export const prepareEstimateApprovedStep = createStep(
  "prepare-estimate-approved",
  async (input: EstimateApprovedInput, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    const estimate = serializePortalEstimateDetail(await portal.retrieveCustomerEstimate(input.customer_id, input.id))
    const record = (await portal.listEstimateDecisions(input.id)).find((r) => r.id === input.decision_id)
    if (!record || record.decision !== "accepted") {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Approval ${input.decision_id} is not recorded on estimate ${estimate.number ?? estimate.id}`)
    }
    const customer = serializePortalCustomer(
      (await container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id, { relations: ["addresses"] })) as never
    )
    const settings = await portal.retrieveSettings()
    const pdfData = estimatePdfData(estimate, customer, serializePortalEstimateDecision(record))
    // No customer is waiting on this: a busy PDF pool is waited for.
    // In the customer's language, like the email it is attached to.
    const locale = await customerLocale(portal, input.customer_id, settings.default_locale)
    const pdf = await portal.renderDocumentPdf(pdfData, settings, { waitWhenBusy: true, locale })
    const data: EmailTemplateData<"estimate-approved"> = {
      customer_first_name: customer.first_name,
      estimate_number: estimate.number ?? estimate.id,
      amount: estimate.total,
      currency_code: estimate.currency_code,
      signed_name: record.signed_name,
      decided_at: record.decided_at,
      document_hash: record.document_hash,
      portal_url: `${portal.getPortalUrl()}/portal/estimates/${estimate.id}`,
    }
    const email: Omit<SendPortalEmailStepInput<"estimate-approved">, "to"> = {
      customer_id: input.customer_id,
      template: "estimate-approved",
      data,
      subject_type: "estimate",
      subject_id: estimate.id,
      attachments: [{ filename: pdfFileName(pdfData), content: pdf.toString("base64"), content_type: "application/pdf" }],
      idempotency_key: `portal-estimate-approved-${record.id}`,
    }
    return new StepResponse({ email })
  }
)
