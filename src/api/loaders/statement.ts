import type { MedusaContainer } from "@medusajs/framework/types"
import type { Translate } from "../../lib/i18n"
import { PdfStatementData, statementPdfData } from "../../lib/pdf"
import { serializePortalStatement } from "../../lib/serializers"
import { computeStatement, dayEnd, StatementPeriod } from "../../lib/statement"
import { PORTAL_MODULE } from "../../modules/portal"
import type PortalModuleService from "../../modules/portal/service"
import { loadPortalCustomer } from "./profile"

/**
 * The signed-in customer's statement of account for a period (already validated): their ledger
 * up to the period's end, one read, and the rule of lib/statement.ts. The page, the PDF, the JSON
 * route and the owner's email all print this, in `t`'s language (English without).
 */
export async function loadStatement(scope: MedusaContainer, customerId: string, period: StatementPeriod, t?: Translate) {
  const ledger = await scope.resolve<PortalModuleService>(PORTAL_MODULE).retrieveCustomerLedger(customerId, dayEnd(period.to))
  return { statement: serializePortalStatement(computeStatement(ledger, period), t) }
}

export type PortalStatementDTO = Awaited<ReturnType<typeof loadStatement>>

/** What the statement PDF prints: the same statement, and the customer it is for. */
export async function loadStatementPdf(scope: MedusaContainer, customerId: string, period: StatementPeriod, t?: Translate): Promise<PdfStatementData> {
  const [customer, { statement }] = await Promise.all([loadPortalCustomer(scope, customerId), loadStatement(scope, customerId, period, t)])
  return statementPdfData(statement, customer)
}
