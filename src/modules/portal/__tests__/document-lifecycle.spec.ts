import path from "path"
import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from ".."
import PortalModuleService from "../service"
import * as models from "../models"

jest.setTimeout(60_000)

const draft = {
  customer_id: "cus_1",
  currency_code: "usd",
  lines: [{ title: "Gutter cleaning", quantity: 3, unit_price: 19.99 }],
}

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service }) => {
    const sentInvoice = async () => {
      const invoice = await service.createDraftInvoice(draft)
      return (await service.sendInvoice(invoice.id)).invoice
    }

    describe("sending", () => {
      it("numbers a draft on its first send and keeps the number on a resend", async () => {
        const invoice = await service.createDraftInvoice(draft)
        const first = await service.sendInvoice(invoice.id)
        const again = await service.sendInvoice(invoice.id)
        expect(first).toEqual(expect.objectContaining({ resent: false }))
        expect(first.invoice.display_number).toBe("INV-0001")
        expect(again.resent).toBe(true)
        expect(again.invoice.display_number).toBe("INV-0001")
      })

      it("refuses to send a draft without lines", async () => {
        const invoice = await service.createDraftInvoice({ ...draft, lines: [] })
        await expect(service.sendInvoice(invoice.id)).rejects.toThrow("Add at least one line")
        expect((await service.retrievePortalInvoice(invoice.id)).status).toBe("draft")
      })

      it("answers 404 for a missing document", async () => {
        const error = await service.sendInvoice("inv_missing").catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
      })

      it("restores the previous state on compensation", async () => {
        const invoice = await service.createDraftInvoice(draft)
        const { previous } = await service.sendInvoice(invoice.id)
        await service.restoreInvoiceState(previous)
        const restored = await service.retrievePortalInvoice(invoice.id)
        expect(restored).toEqual(expect.objectContaining({ status: "draft", display_number: null, sent_at: null }))
      })
    })

    describe("payments", () => {
      it("marks the invoice paid when the open amount is paid, in two parts", async () => {
        const invoice = await sentInvoice()
        const part = await service.recordInvoicePayment(invoice.id, { amount: 20.01, method: "cash" })
        expect(part.paid).toBe(false)
        expect(part.invoice.amount_paid).toBe(20.01)
        const rest = await service.recordInvoicePayment(invoice.id, { amount: "39.96", method: "check" })
        expect(rest.paid).toBe(true)
        expect(rest.invoice.status).toBe("paid")
        expect(rest.invoice.amount_paid).toBe(59.97)
        expect(rest.invoice.paid_at).toBeTruthy()
      })

      it("refuses more than the open amount and more decimals than the currency has", async () => {
        const invoice = await sentInvoice()
        await expect(service.recordInvoicePayment(invoice.id, { amount: 59.98, method: "cash" })).rejects.toThrow(
          "exceeds the open amount of 59.97 USD"
        )
        await expect(service.recordInvoicePayment(invoice.id, { amount: "1.001", method: "cash" })).rejects.toThrow(
          "more than 2 decimal places"
        )
        expect(await service.listPortalInvoicePayments({ invoice_id: invoice.id })).toHaveLength(0)
      })

      it("records an online payment once, however often it is replayed", async () => {
        const invoice = await sentInvoice()
        const input = { amount: 59.97, method: "stripe" as const, payment_id: "pay_123" }
        const results = await Promise.all([1, 2, 3].map(() => service.recordInvoicePayment(invoice.id, input)))
        expect(results.filter((r) => r.recorded)).toHaveLength(1)
        expect(await service.listPortalInvoicePayments({ invoice_id: invoice.id })).toHaveLength(1)
        expect((await service.retrievePortalInvoice(invoice.id)).amount_paid).toBe(59.97)
      })

      it("lets exactly one of two concurrent full payments through", async () => {
        const invoice = await sentInvoice()
        const outcomes = await Promise.allSettled([
          service.recordInvoicePayment(invoice.id, { amount: 59.97, method: "cash" }),
          service.recordInvoicePayment(invoice.id, { amount: 59.97, method: "cash" }),
        ])
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1)
        const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult
        expect(rejected.reason.message).toMatch(/is paid; it is already paid/)
        expect(await service.listPortalInvoicePayments({ invoice_id: invoice.id })).toHaveLength(1)
      })

      it("reverts a payment on compensation", async () => {
        const invoice = await sentInvoice()
        const result = await service.recordInvoicePayment(invoice.id, { amount: 59.97, method: "cash" })
        await service.revertInvoicePayment(result.payment!.id, result.previous)
        const reverted = await service.retrievePortalInvoice(invoice.id, { relations: ["payments"] })
        expect(reverted).toEqual(expect.objectContaining({ status: "sent", amount_paid: 0, paid_at: null }))
        expect(reverted.payments).toHaveLength(0)
      })
    })

    describe("state machine", () => {
      it.each([
        ["void a draft", async (id: string) => service.voidInvoice(id), "is draft; delete a draft instead of voiding it"],
        ["pay a draft", async (id: string) => service.recordInvoicePayment(id, { amount: 1, method: "cash" }), "is draft; send it before recording a payment"],
      ])("refuses to %s with a 409 naming the state", async (_, act, message) => {
        const invoice = await service.createDraftInvoice(draft)
        const error = await act(invoice.id).catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.CONFLICT)
        expect(error.message).toContain(message)
      })

      it("never voids a paid invoice nor sends a void one", async () => {
        const paid = await sentInvoice()
        await service.recordInvoicePayment(paid.id, { amount: 59.97, method: "cash" })
        await expect(service.voidInvoice(paid.id)).rejects.toThrow("INV-0001 is paid; it cannot be voided")
        const voided = await sentInvoice()
        await service.voidInvoice(voided.id)
        await expect(service.sendInvoice(voided.id)).rejects.toThrow("INV-0002 is void; it cannot be sent again")
        expect((await service.voidInvoice(voided.id)).changed).toBe(false)
      })
    })

    describe("converting an estimate", () => {
      it("creates a draft invoice with the same lines, linked both ways, once", async () => {
        const estimate = await service.createDraftEstimate({
          ...draft,
          notes: "Valid for 30 days",
          lines: [
            { title: "Labour", quantity: 2, unit_price: 45, tax_rate: 10 },
            { title: "Parts", quantity: 1, unit_price: 12.5 },
          ],
        })
        await service.sendEstimate(estimate.id)
        await expect(service.convertEstimateToInvoice(estimate.id)).rejects.toThrow(
          "only an accepted estimate can be converted"
        )
        await service.updatePortalEstimates({ id: estimate.id, status: "accepted" })

        const { invoice, estimate: converted } = await service.convertEstimateToInvoice(estimate.id)
        expect(invoice).toEqual(
          expect.objectContaining({ status: "draft", estimate_id: estimate.id, total: 111.5, notes: "Valid for 30 days" })
        )
        expect(invoice.lines.map((l) => [l.title, l.quantity, l.unit_price, l.tax_rate]).sort()).toEqual([
          ["Labour", 2, 45, 10],
          ["Parts", 1, 12.5, null],
        ])
        expect(converted.invoice_id).toBe(invoice.id)
        await expect(service.convertEstimateToInvoice(estimate.id)).rejects.toThrow("was already converted")
      })
    })
  },
})
