import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailTemplateData } from "../../../lib/email/templates"
import { pdfFileName, statementPdfData } from "../../../lib/pdf"
import { serializePortalCustomer, serializePortalStatement } from "../../../lib/serializers"
import { computeStatement, dayEnd, StatementPeriod } from "../../../lib/statement"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"
import type { SendPortalEmailStepInput } from "../../steps"
import { translator } from "../../../lib/i18n"
import { customerLocale } from "../../utils/customer-locale"

export type StatementEmailInput = { customer_id: string } & StatementPeriod

/**
 * The statement email: the customer's statement for the period (the same rule and serializer the
 * portal shows it with) rendered as a PDF in the worker pool and attached, with the closing
 * balance per currency and a link to the same period in the portal. Reads only: nothing to undo.
 */
export const prepareStatementEmailStep = createStep("prepare-statement-email", async (input: StatementEmailInput, { container }) => {
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
  const period = { from: input.from, to: input.to }
  const [ledger, customerRecord, settings] = await Promise.all([
    portal.retrieveCustomerLedger(input.customer_id, dayEnd(period.to)),
    container.resolve(Modules.CUSTOMER).retrieveCustomer(input.customer_id, { relations: ["addresses"] }),
    portal.retrieveSettings(),
  ])
  // The customer's language, as the email around it (the statement's words and the PDF's).
  const locale = await customerLocale(portal, input.customer_id, settings.default_locale)
  const statement = serializePortalStatement(computeStatement(ledger, period), translator(locale))
  const customer = serializePortalCustomer(customerRecord as never)
  const pdfData = statementPdfData(statement, customer)
  // No customer is waiting on this PDF: a busy pool is waited for, as for receipts.
  const pdf = await portal.renderDocumentPdf(pdfData, settings, { waitWhenBusy: true, locale })
  const data: EmailTemplateData<"statement"> = {
    customer_first_name: customer.first_name,
    from: period.from,
    to: period.to,
    balances: statement.sections.map((s) => ({ amount: s.closing_balance, currency_code: s.currency_code })),
    portal_url: `${portal.getPortalUrl()}/portal/statement?${new URLSearchParams(period).toString()}`,
  }
  const email: Omit<SendPortalEmailStepInput<"statement">, "to"> = {
    customer_id: input.customer_id,
    template: "statement",
    data,
    attachments: [{ filename: pdfFileName(pdfData), content: pdf.toString("base64"), content_type: "application/pdf" }],
  }
  return new StepResponse({ email, currencies: statement.sections.map((s) => s.currency_code) })
})
