import path from "path"
import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from ".."
import PortalModuleService from "../service"
import { Estimate, EstimateLine, Invoice, InvoiceLine, InvoicePayment, PortalAccess, PortalEvent, PortalSequence, PortalSettings, PortalToken } from "../models"

jest.setTimeout(60_000)

const CUSTOMER = "cus_test_1"

const draft = (overrides: Record<string, unknown> = {}) => ({
  customer_id: CUSTOMER,
  currency_code: "usd",
  lines: [{ title: "Gutter cleaning", quantity: 3, unit_price: 19.99 }],
  ...overrides,
})

async function expectMedusaError(promise: Promise<unknown>, message: RegExp | string) {
  const error = await promise.then(
    () => null,
    (e) => e
  )
  expect(error).toBeInstanceOf(MedusaError)
  expect(error.message).toMatch(message)
}

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: [
    PortalSettings,
    Invoice,
    InvoiceLine,
    InvoicePayment,
    Estimate,
    EstimateLine,
    PortalAccess,
    PortalToken,
    PortalEvent,
    PortalSequence,
  ],
  // Build the schema from the committed migrations, so they are tested too.
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    describe("totals", () => {
      it("stores 3 × 19.99 as exactly 59.97, computed on the server", async () => {
        const invoice = await service.createDraftInvoice(draft())
        const stored = await service.retrievePortalInvoice(invoice.id, { relations: ["lines"] })
        expect(stored.total).toBe(59.97)
        expect(stored.subtotal).toBe(59.97)
        expect(stored.tax_total).toBe(0)
        expect(stored.lines[0].total).toBe(59.97)
        expect(stored.status).toBe("draft")
        expect(stored.display_number).toBeNull()
      })

      it("adds per-line rounded tax into the document total", async () => {
        const invoice = await service.createDraftInvoice(
          draft({
            lines: [
              { title: "Labour", quantity: "1.5", unit_price: "33.333", tax_rate: 20 },
              { title: "Parts", quantity: 1, unit_price: 0.1 },
              { title: "More parts", quantity: 1, unit_price: 0.2 },
            ],
          })
        )
        // 1.5 × 33.333 = 49.9995 → 50.00; tax 10.00; 0.1 + 0.2 = 0.30 exactly.
        expect(invoice.subtotal).toBe(50.3)
        expect(invoice.tax_total).toBe(10)
        expect(invoice.total).toBe(60.3)
        expect(invoice.lines.map((l) => l.title).sort()).toEqual(["Labour", "More parts", "Parts"])
      })

      it("recomputes totals when a draft's lines are replaced", async () => {
        const invoice = await service.createDraftInvoice(draft())
        const updated = await service.updateDraftInvoice(invoice.id, {
          lines: [{ title: "Window cleaning", quantity: 2, unit_price: 45, tax_rate: 10 }],
        })
        expect(updated.lines).toHaveLength(1)
        expect(updated.total).toBe(99)
        const allLines = await service.listPortalInvoiceLines({ invoice_id: invoice.id })
        expect(allLines).toHaveLength(1)
      })

      it("computes estimate totals the same way", async () => {
        const estimate = await service.createDraftEstimate(
          draft({ valid_until: new Date(Date.now() + 86_400_000) })
        )
        expect(estimate.total).toBe(59.97)
        expect(service.deriveEstimateStatus(estimate)).toBe("draft")
      })
    })

    describe("derived statuses", () => {
      it("shows a sent invoice past its due date as Overdue, never stored as such", async () => {
        const invoice = await service.createDraftInvoice(
          draft({ issue_date: "2026-01-01T00:00:00Z", due_date: "2026-01-31T00:00:00Z" })
        )
        await service.updatePortalInvoices({ id: invoice.id, status: "sent" })
        const stored = await service.retrievePortalInvoice(invoice.id)
        expect(stored.status).toBe("sent")
        expect(service.deriveInvoiceStatus(stored, new Date("2026-02-01T00:00:00Z"))).toBe("overdue")
        expect(service.deriveInvoiceStatus(stored, new Date("2026-01-15T00:00:00Z"))).toBe("unpaid")
        await service.updatePortalInvoices({ id: invoice.id, status: "paid" })
        const paid = await service.retrievePortalInvoice(invoice.id)
        expect(service.deriveInvoiceStatus(paid, new Date("2026-02-01T00:00:00Z"))).toBe("paid")
      })

      it("shows sent / accepted / rejected estimates as Pending / Accepted / Rejected", async () => {
        const estimate = await service.createDraftEstimate(draft())
        for (const [status, shown] of [
          ["sent", "pending"],
          ["accepted", "accepted"],
          ["rejected", "rejected"],
        ] as const) {
          await service.updatePortalEstimates({ id: estimate.id, status })
          expect(service.deriveEstimateStatus(await service.retrievePortalEstimate(estimate.id))).toBe(shown)
        }
      })
    })

    describe("display numbers", () => {
      it("hands out 20 distinct consecutive numbers to 20 concurrent allocations", async () => {
        const numbers = await Promise.all(Array.from({ length: 20 }, () => service.allocateDisplayNumber("invoice")))
        expect(new Set(numbers).size).toBe(20)
        expect([...numbers].sort()).toEqual(
          Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(4, "0")}`)
        )
      })

      it("keeps separate counters per kind and uses the configured prefix", async () => {
        await service.updateSettings({ estimate_prefix: "Q-" })
        expect(await service.allocateDisplayNumber("estimate")).toBe("Q-0001")
        expect(await service.allocateDisplayNumber("estimate")).toBe("Q-0002")
        expect(await service.allocateDisplayNumber("invoice")).toBe("INV-0001")
      })

      it("refuses two documents with the same display number", async () => {
        const a = await service.createDraftInvoice(draft())
        const b = await service.createDraftInvoice(draft())
        await service.updatePortalInvoices({ id: a.id, display_number: "INV-0100" })
        await expect(service.updatePortalInvoices({ id: b.id, display_number: "INV-0100" })).rejects.toThrow(/display_number.*INV-0100/)
        expect((await service.retrievePortalInvoice(b.id)).display_number).toBeNull()
      })
    })

    describe("cascades", () => {
      it("deletes an invoice's lines and payments with it", async () => {
        const invoice = await service.createDraftInvoice(
          draft({ lines: [{ title: "A", quantity: 1, unit_price: 1 }, { title: "B", quantity: 1, unit_price: 2 }] })
        )
        await service.createPortalInvoicePayments({
          invoice_id: invoice.id,
          amount: 1,
          method: "cash",
          paid_at: new Date(),
        } as any)
        expect(await service.listPortalInvoiceLines({ invoice_id: invoice.id })).toHaveLength(2)

        await service.deletePortalInvoices(invoice.id)

        expect(await service.listPortalInvoices({ id: invoice.id })).toHaveLength(0)
        expect(await service.listPortalInvoiceLines({ invoice_id: invoice.id })).toHaveLength(0)
        expect(await service.listPortalInvoicePayments({ invoice_id: invoice.id })).toHaveLength(0)
      })

      it("soft-deletes an estimate's lines with it", async () => {
        const estimate = await service.createDraftEstimate(draft())
        await service.softDeletePortalEstimates(estimate.id)
        expect(await service.listPortalEstimateLines({ estimate_id: estimate.id })).toHaveLength(0)
        expect(await service.listPortalEstimateLines({ estimate_id: estimate.id }, { withDeleted: true })).toHaveLength(1)
      })
    })

    describe("bad input", () => {
      const nothingWritten = async () => {
        expect(await service.listPortalInvoices({})).toHaveLength(0)
        expect(await service.listPortalInvoiceLines({})).toHaveLength(0)
      }

      it("refuses a negative quantity and names the line", async () => {
        await expectMedusaError(
          service.createDraftInvoice(draft({ lines: [{ title: "x", quantity: -1, unit_price: 5 }] })),
          "lines[0].quantity must be greater than 0"
        )
        await nothingWritten()
      })

      it("refuses an unknown currency", async () => {
        await expectMedusaError(
          service.createDraftInvoice(draft({ currency_code: "xyz" })),
          'currency_code "xyz" is not a known ISO 4217 currency'
        )
        await nothingWritten()
      })

      it("refuses a document without a customer", async () => {
        await expectMedusaError(service.createDraftInvoice(draft({ customer_id: undefined })), /customer_id is required/)
        await expectMedusaError(service.createDraftEstimate(draft({ customer_id: "  " })), /customer_id is required/)
        await nothingWritten()
      })

      it("refuses a negative price, a tax rate over 100 and a missing title", async () => {
        await expectMedusaError(
          service.createDraftInvoice(draft({ lines: [{ title: "x", quantity: 1, unit_price: -0.01 }] })),
          "lines[0].unit_price must be at least 0"
        )
        await expectMedusaError(
          service.createDraftInvoice(draft({ lines: [{ title: "x", quantity: 1, unit_price: 1, tax_rate: 101 }] })),
          "lines[0].tax_rate must be at most 100"
        )
        await expectMedusaError(
          service.createDraftInvoice(
            draft({ lines: [{ title: "ok", quantity: 1, unit_price: 1 }, { title: " ", quantity: 1, unit_price: 1 }] })
          ),
          "lines[1].title is required"
        )
        await nothingWritten()
      })

      it("refuses a due date before the issue date", async () => {
        await expectMedusaError(
          service.createDraftInvoice(draft({ issue_date: "2026-03-01", due_date: "2026-02-01" })),
          "due_date cannot be before issue_date"
        )
        await nothingWritten()
      })

      it("refuses to edit anything but a draft, and leaves it unchanged", async () => {
        const invoice = await service.createDraftInvoice(draft())
        await service.updatePortalInvoices({ id: invoice.id, status: "sent", display_number: "INV-0007" })
        await expectMedusaError(
          service.updateDraftInvoice(invoice.id, { lines: [{ title: "y", quantity: 1, unit_price: 1 }] }),
          "Invoice INV-0007 is sent; only drafts can be edited"
        )
        const lines = await service.listPortalInvoiceLines({ invoice_id: invoice.id })
        expect(lines.map((l) => l.title)).toEqual(["Gutter cleaning"])
      })

      it("rolls back the whole draft when a line is refused by the database", async () => {
        // The service's validation is passed; the line is spoiled on its way to the database, so
        // the check constraint refuses it after the invoice row was inserted in the same transaction.
        // On the prototype: `service` is the runner's proxy to the module's instance.
        const createLines = PortalModuleService.prototype.createPortalInvoiceLines
        const spoil = jest
          .spyOn(PortalModuleService.prototype, "createPortalInvoiceLines")
          .mockImplementationOnce(function (this: PortalModuleService, lines: any, context: any) {
            return createLines.call(this, lines.map((line: object) => ({ ...line, quantity: -2 })), context)
          } as any)
        try {
          await expect(
            service.createDraftInvoice(draft({ lines: [{ title: "ok", quantity: 1, unit_price: 5 }] }))
          ).rejects.toThrow(/invoice_line_quantity_positive/)
          expect(spoil).toHaveBeenCalledTimes(1)
        } finally {
          spoil.mockRestore()
        }
        // Neither the invoice nor any line survived: the header insert was rolled back too.
        await nothingWritten()
      })
    })

    describe("settings", () => {
      it("exists with the portal off before anyone saves", async () => {
        const settings = await service.retrieveSettings()
        expect(settings).toEqual(
          expect.objectContaining({
            enabled: false,
            allow_invoices: true,
            allow_estimates: true,
            allow_payments: true,
            link_ttl_days: 30,
            invoice_prefix: "INV-",
          })
        )
      })

      it("creates one row even when read concurrently for the first time", async () => {
        await Promise.all(Array.from({ length: 10 }, () => service.retrieveSettings()))
        expect(await service.listPortalSettings({})).toHaveLength(1)
      })

      it("applies partial updates and keeps the other fields", async () => {
        await service.updateSettings({ enabled: true, business_name: "Acme Plumbing" })
        await service.updateSettings({ allow_payments: false })
        const settings = await service.retrieveSettings()
        expect(settings.enabled).toBe(true)
        expect(settings.business_name).toBe("Acme Plumbing")
        expect(settings.allow_payments).toBe(false)
      })

      it("refuses an out-of-range link lifetime or a bad colour and changes nothing", async () => {
        await expectMedusaError(service.updateSettings({ enabled: true, link_ttl_days: 0 }), /link_ttl_days/)
        await expectMedusaError(service.updateSettings({ accent_color: "red" }), /accent_color/)
        const settings = await service.retrieveSettings()
        expect(settings.enabled).toBe(false)
        expect(settings.accent_color).toBe("#2563eb")
      })
    })

    describe("activity log", () => {
      it("records known events and refuses unknown ones", async () => {
        await service.logEvent({ type: "link_sent", customer_id: CUSTOMER, actor: "owner" })
        await expectMedusaError(service.logEvent({ type: "hacked" as any, customer_id: CUSTOMER }), /Unknown portal event type/)
        const events = await service.listPortalEvents({ customer_id: CUSTOMER })
        expect(events.map((e) => e.type)).toEqual(["link_sent"])
      })
    })
  },
})
