import type { MedusaContainer } from "@medusajs/framework/types"
import { estimatePdfData, invoicePdfData, PdfDocumentData } from "../../lib/pdf"
import { loadStandingDecision } from "./estimate-decision"
import { loadEstimate } from "./estimates"
import { loadInvoice } from "./invoices"
import { loadPortalCustomer } from "./profile"

/**
 * What a customer's PDF of one of their documents prints: the same DTOs the pages and the JSON
 * routes show, so a PDF can never print what the portal does not.
 */
export async function loadDocumentPdf(
  scope: MedusaContainer,
  customerId: string,
  input: { kind: "invoice" | "estimate"; id: string }
): Promise<PdfDocumentData> {
  if (input.kind === "invoice") {
    const [customer, { invoice }] = await Promise.all([
      loadPortalCustomer(scope, customerId),
      loadInvoice(scope, customerId, { id: input.id }),
    ])
    return invoicePdfData(invoice, customer)
  }
  const [customer, { estimate }] = await Promise.all([
    loadPortalCustomer(scope, customerId),
    loadEstimate(scope, customerId, { id: input.id }),
  ])
  return estimatePdfData(estimate, customer, await loadStandingDecision(scope, estimate))
}
