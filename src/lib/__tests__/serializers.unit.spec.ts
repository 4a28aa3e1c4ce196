import {
  serializePortalEstimateRevision,
  serializeHistoryEstimate,
  serializeHistoryInvoice,
  serializeHistoryOrder,
  serializePortalCustomer,
  serializePortalEstimateDetail,
  serializePortalInvoiceDetail,
} from "../serializers"
import { translator } from "../i18n"

const SENTINEL = "INTERNAL-SENTINEL-7f3a"
const now = new Date("2026-11-25T12:00:00Z")
const line = { id: "l1", rank: 0, title: "Work", description: null, quantity: 1, unit_price: 10, tax_rate: null, subtotal: 10, tax_total: 0, total: 10 }

describe("portal serializers", () => {
  it("never lets an invoice's internal fields through", () => {
    const out = serializePortalInvoiceDetail(
      {
        id: "inv_1",
        display_number: "INV-0001",
        status: "sent",
        currency_code: "usd",
        issue_date: "2026-11-01",
        due_date: "2026-11-20",
        subtotal: 10,
        tax_total: 0,
        total: 10,
        amount_paid: 4,
        notes: "Thanks",
        paid_at: null,
        lines: [{ ...line, secret: SENTINEL } as any],
        payments: [{ id: "p1", amount: 4, method: "cash", paid_at: "2026-11-02", reference: SENTINEL } as any],
        ...({ internal_note: SENTINEL, metadata: { x: SENTINEL }, customer_id: "cus_1" } as any),
      },
      now
    )
    expect(JSON.stringify(out)).not.toContain(SENTINEL)
    expect(out).toEqual(expect.objectContaining({ number: "INV-0001", status: "overdue", status_label: "Overdue", open_amount: 6 }))
    expect(out.payments[0]).toEqual(expect.objectContaining({ method_label: "Cash", amount: 4 }))
  })

  it("tells whether a pending estimate can still be decided", () => {
    const base = {
      id: "est_1",
      display_number: "EST-0001",
      status: "sent",
      currency_code: "usd",
      issue_date: "2026-11-01",
      subtotal: 10,
      tax_total: 0,
      total: 10,
      notes: null,
      decided_at: null,
      decision_note: null,
      lines: [line],
      ...({ internal_note: SENTINEL } as any),
    }
    const open = serializePortalEstimateDetail({ ...base, valid_until: "2026-12-01" }, now)
    const expired = serializePortalEstimateDetail({ ...base, valid_until: "2026-11-01" }, now)
    expect(open).toEqual(expect.objectContaining({ status_label: "Pending", can_decide: true, is_expired: false }))
    expect(expired).toEqual(expect.objectContaining({ can_decide: false, is_expired: true }))
    expect(JSON.stringify([open, expired])).not.toContain(SENTINEL)
  })

  it("shows a customer their default address and nothing internal", () => {
    const out = serializePortalCustomer({
      id: "cus_1",
      email: "a@b.c",
      first_name: "A",
      last_name: "B",
      company_name: null,
      phone: null,
      addresses: [
        { id: "a1", address_1: "1 St", address_2: null, city: "X", postal_code: "1", province: null, country_code: "us" },
        { id: "a2", address_1: "2 St", address_2: null, city: "Y", postal_code: "2", province: null, country_code: "us", is_default_billing: true },
      ],
      ...({ metadata: { note: SENTINEL }, has_account: true } as any),
    })
    expect(out.address!.id).toBe("a2")
    expect(JSON.stringify(out)).not.toContain(SENTINEL)
  })
})

describe("service history entries", () => {
  it("name their record by kind and id, never by a page URL", () => {
    const entries = [
      serializeHistoryOrder({ id: "order_1", display_id: 7, created_at: "2026-11-01T10:00:00Z", total: 30, currency_code: "eur", ...({ status: "pending" } as any) }),
      serializeHistoryInvoice({ id: "inv_1", display_number: "INV-0001", paid_at: "2026-11-02T10:00:00Z", updated_at: "2026-11-03T00:00:00Z", total: 59.97, currency_code: "eur", ...({ internal_note: SENTINEL } as any) }),
      serializeHistoryEstimate({ id: "est_1", display_number: "EST-0001", decided_at: null, updated_at: "2026-11-04T00:00:00Z", total: 12, currency_code: "eur", ...({ decision_note: SENTINEL } as any) }),
    ]
    expect(entries).toEqual([
      { kind: "order", id: "order_1", title: "Order #7", date: "2026-11-01T10:00:00.000Z", amount: 30, currency_code: "eur" },
      { kind: "invoice", id: "inv_1", title: "Invoice INV-0001 paid", date: "2026-11-02T10:00:00.000Z", amount: 59.97, currency_code: "eur" },
      { kind: "estimate", id: "est_1", title: "Estimate EST-0001 accepted", date: "2026-11-04T00:00:00.000Z", amount: 12, currency_code: "eur" },
    ])
    expect(JSON.stringify(entries)).not.toContain(SENTINEL)
  })

  it("titles the entries in the reader's language", () => {
    const es = translator("es")
    expect(serializeHistoryOrder({ id: "order_1", display_id: 7, created_at: "2026-11-01T10:00:00Z", currency_code: "eur" }, es).title).toBe("Pedido n.º 7")
    const paid = { id: "inv_1", display_number: "INV-0001", paid_at: null, updated_at: "2026-11-03T00:00:00Z", total: 1, currency_code: "eur" }
    expect(serializeHistoryInvoice(paid, es).title).toBe("Factura INV-0001 pagada")
    expect(serializeHistoryEstimate({ ...paid, display_number: "EST-0001", decided_at: null }, es).title).toBe("Presupuesto EST-0001 aceptado")
  })

  it("leaves an order's amount empty when Medusa has no total", () => {
    expect(serializeHistoryOrder({ id: "order_2", display_id: 8, created_at: "2026-11-01T10:00:00Z", currency_code: "eur" }).amount).toBeNull()
  })
})

describe("an estimate's newer revision", () => {
  it("is shown to the customer only once it was sent, with number and status", () => {
    expect(serializePortalEstimateRevision({ id: "est_2", display_number: "EST-0007-2", status: "draft" })).toBeNull()
    expect(serializePortalEstimateRevision(undefined)).toBeNull()
    expect(serializePortalEstimateRevision({ id: "est_2", display_number: "EST-0007-2", status: "sent" })).toEqual({
      id: "est_2",
      number: "EST-0007-2",
      status: "pending",
      status_label: "Pending",
    })
  })
})

describe("labels in the reader's language", () => {
  it("says an invoice's and an estimate's status and a payment's method in Spanish", () => {
    const es = translator("es")
    const invoice = serializePortalInvoiceDetail(
      {
        id: "inv_1", display_number: "INV-0001", status: "sent", currency_code: "eur", issue_date: "2026-11-01", due_date: "2026-11-20",
        subtotal: 10, tax_total: 0, total: 10, amount_paid: 4, notes: null, paid_at: null, lines: [line],
        payments: [{ id: "p1", amount: 4, method: "bank_transfer", paid_at: "2026-11-02" }, { id: "p2", amount: 0, method: "barter", paid_at: "2026-11-03" }],
      },
      now,
      undefined,
      es
    )
    expect([invoice.status, invoice.status_label]).toEqual(["overdue", "Vencida"])
    expect(invoice.payments.map((p) => p.method_label)).toEqual(["Transferencia bancaria", "Otro"])
    const estimate = serializePortalEstimateDetail(
      {
        id: "est_1", display_number: "EST-0001", status: "sent", currency_code: "eur", issue_date: "2026-11-01", valid_until: null,
        subtotal: 10, tax_total: 0, total: 10, notes: null, decided_at: null, decision_note: null, lines: [line],
      },
      now,
      es
    )
    expect([estimate.status, estimate.status_label]).toEqual(["pending", "Pendiente"])
    expect(serializePortalEstimateRevision({ id: "est_2", display_number: "EST-0001-2", status: "accepted" }, es)?.status_label).toBe("Aceptado")
  })
})
