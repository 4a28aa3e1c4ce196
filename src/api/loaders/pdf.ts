import type { MedusaContainer } from "@medusajs/framework/types"
import { estimatePdfData, invoicePdfData, PdfDocumentData } from "../../lib/pdf"
import { loadStandingDecision } from "./estimate-decision"
import { loadEstimate } from "./estimates"
import { loadInvoice } from "./invoices"
import { loadPortalCustomer } from "./profile"
import type { ModulePortalSettings } from "../../types/module"

/**
 * What a customer's PDF of one of their documents prints: the same DTOs the pages and the JSON
 * routes show, so a PDF can never print what the portal does not.
 */
export async function loadDocumentPdf(
  scope: MedusaContainer,
  customerId: string,
  input: { kind: "invoice" | "estimate"; id: string; settings?: ModulePortalSettings | Promise<ModulePortalSettings> }
): Promise<PdfDocumentData> {
  if (input.kind === "invoice") {
    const [customer, { invoice }] = await Promise.all([
      loadPortalCustomer(scope, customerId),
      loadInvoice(scope, customerId, { id: input.id, settings: input.settings }),
    ])
    return invoicePdfData(invoice, customer)
  }
  const [customer, { estimate }] = await Promise.all([
    loadPortalCustomer(scope, customerId),
    loadEstimate(scope, customerId, { id: input.id }),
  ])
  return estimatePdfData(estimate, customer, await loadStandingDecision(scope, estimate))
}
