import type { AdminPortalEvent } from "../../../types/http"
import { describeEvent, documentPath } from "../events"

const event = (type: string, overrides: Partial<AdminPortalEvent> = {}): AdminPortalEvent => ({
  id: "pev_1",
  type,
  customer_id: "cus_1",
  actor: "customer",
  subject_type: null,
  subject_id: null,
  data: null,
  created_at: "2026-12-01T10:00:00.000Z",
  ...overrides,
})
const invoice = { type: "invoice" as const, id: "inv_1", display_number: "INV-0003" }
const estimate = { type: "estimate" as const, id: "est_1", display_number: "EST-0002" }

describe("describeEvent", () => {
  it("names the document in the customer's log", () => {
    expect(describeEvent(event("invoice_viewed", { document: invoice }), true)).toBe("Viewed invoice INV-0003")
    expect(describeEvent(event("estimate_accepted", { document: estimate }), true)).toBe("Approved estimate EST-0002")
    expect(describeEvent(event("invoice_sent", { document: invoice }), true)).toBe("Invoice INV-0003 sent")
    expect(describeEvent(event("payment_recorded", { document: invoice, data: { method: "cash" } }), true)).toBe(
      "Payment recorded on invoice INV-0003 (Cash)"
    )
    expect(describeEvent(event("link_sent", { document: invoice, data: { reason: "document" } }), true)).toBe(
      "Portal access sent with invoice INV-0003"
    )
  })

  it("adds the document to entries that do not mention one", () => {
    expect(describeEvent(event("email_failed", { document: estimate, data: { error: "timeout" } }), true)).toBe(
      "An email could not be sent: timeout · estimate EST-0002"
    )
  })

  it("calls a document without a number a draft", () => {
    expect(describeEvent(event("pdf_downloaded", { document: { ...invoice, display_number: null } }), true)).toBe(
      "Downloaded the PDF of draft invoice"
    )
  })

  it("keeps the document page's wording, where the document goes without saying", () => {
    expect(describeEvent(event("estimate_accepted", { document: estimate }))).toBe("Accepted the estimate")
    expect(describeEvent(event("invoice_viewed", { document: invoice }))).toBe("Viewed the invoice")
  })

  it("says nothing of a document the entry is not about, or that is gone", () => {
    expect(describeEvent(event("link_opened"), true)).toBe("Opened the portal")
    expect(describeEvent(event("invoice_viewed", { subject_type: "invoice", subject_id: "inv_gone", document: null }), true)).toBe(
      "Viewed the invoice"
    )
  })
})

describe("documentPath", () => {
  it("is the document's admin page", () => {
    expect(documentPath(invoice)).toBe("/invoices/inv_1")
    expect(documentPath(estimate)).toBe("/estimates/est_1")
  })
})
