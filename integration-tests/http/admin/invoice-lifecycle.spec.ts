import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer, createCustomerWithoutEmail } from "../../utils/customer"
import {
  activityTypes,
  emittedMessages,
  expectError,
  portalService,
  portalSnapshot,
  seedDraftInvoice,
  seedInvoice,
  spyOnEventBus,
} from "../../utils/portal"

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }

    beforeEach(async () => {
      await createAdminUser(adminHeaders, getContainer())
      customer = await createCustomer(getContainer())
    })

    afterEach(() => {
      jest.restoreAllMocks()
    })

    const portal = () => portalService(getContainer())
    const send = (id: string) => api.post(`/admin/invoices/${id}/send`, {}, adminHeaders).catch((e) => e.response)
    const voidIt = (id: string) => api.post(`/admin/invoices/${id}/void`, {}, adminHeaders).catch((e) => e.response)
    const pay = (id: string, body: Record<string, unknown>) =>
      api.post(`/admin/invoices/${id}/payments`, body, adminHeaders).catch((e) => e.response)
    const storedInvoice = async (id: string) =>
      JSON.parse(JSON.stringify(await portal().retrievePortalInvoice(id, { relations: ["lines", "payments"] })))

    describe("POST /admin/invoices/:id/send", () => {
      it("sends a draft: it becomes sent with the first number and a sent date", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        const response = await send(draft.id)

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({
            id: draft.id,
            status: "sent",
            display_number: "INV-0001",
            sent_at: expect.any(String),
            total: 59.97,
          })
        )
        const stored = await portal().retrievePortalInvoice(draft.id)
        expect(stored).toEqual(expect.objectContaining({ status: "sent", display_number: "INV-0001" }))
        expect(stored.sent_at).toBeTruthy()
      })

      it("numbers invoices consecutively in the order they are sent", async () => {
        const first = await seedDraftInvoice(getContainer(), customer.id)
        const second = await seedDraftInvoice(getContainer(), customer.id)

        expect((await send(second.id)).data.invoice.display_number).toBe("INV-0001")
        expect((await send(first.id)).data.invoice.display_number).toBe("INV-0002")
      })

      it("takes the number prefix from the portal settings", async () => {
        await portal().updateSettings({ invoice_prefix: "ACME-" })
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        const response = await send(draft.id)

        expect(response.status).toBe(200)
        expect(response.data.invoice.display_number).toBe("ACME-0001")
      })

      it("resends a sent invoice with the same number and takes no new one", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)
        await send(draft.id)

        const resend = await send(draft.id)

        expect(resend.status).toBe(200)
        expect(resend.data.invoice).toEqual(expect.objectContaining({ status: "sent", display_number: "INV-0001" }))
        const next = await seedDraftInvoice(getContainer(), customer.id)
        expect((await send(next.id)).data.invoice.display_number).toBe("INV-0002")
      })

      it("refuses to send a draft without lines, saying it needs a line, and uses up no number", async () => {
        const empty = await seedDraftInvoice(getContainer(), customer.id, { lines: [] })
        const before = await portalSnapshot(getContainer())

        const response = await send(empty.id)

        expectError(response, 400, /line/i)
        expect(await portalSnapshot(getContainer())).toEqual(before)
        const next = await seedDraftInvoice(getContainer(), customer.id)
        expect((await send(next.id)).data.invoice.display_number).toBe("INV-0001")
      })

      it("refuses to send to a customer without an email, saying so, and uses up no number", async () => {
        const noEmail = await createCustomerWithoutEmail(getContainer())
        expect(noEmail.email).toBeNull()
        const draft = await seedDraftInvoice(getContainer(), noEmail.id)
        const before = await portalSnapshot(getContainer())

        const response = await send(draft.id)

        expectError(response, 400, /email/i)
        expect(await portalSnapshot(getContainer())).toEqual(before)
        const next = await seedDraftInvoice(getContainer(), customer.id)
        expect((await send(next.id)).data.invoice.display_number).toBe("INV-0001")
      })

      it.each(["paid", "void"] as const)("refuses to send a %s invoice and names its state", async (status) => {
        const invoice = await seedInvoice(getContainer(), customer.id, status)
        const before = await portalSnapshot(getContainer())

        const response = await send(invoice.id)

        expectError(response, 409, status)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("answers 404 for an unknown invoice", async () => {
        expectError(await send("inv_01DOESNOTEXIST"), 404)
      })

      it("emits portal.invoice.sent with the invoice and customer ids", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)
        const spy = spyOnEventBus(getContainer())

        await send(draft.id)

        expect(emittedMessages(spy, "portal.invoice.sent")).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ id: draft.id, customer_id: customer.id }) }),
        ])
      })

      it("records the send in the invoice's activity log", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)

        await send(draft.id)

        expect(await activityTypes(getContainer(), draft.id)).toContain("invoice_sent")
      })
    })

    describe("POST /admin/invoices/:id/void", () => {
      it("voids a sent invoice and records when", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")

        const response = await voidIt(sent.id)

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({ id: sent.id, status: "void", voided_at: expect.any(String) })
        )
        expect((await portal().retrievePortalInvoice(sent.id)).status).toBe("void")
      })

      it("refuses to void a draft, naming its state", async () => {
        const draft = await seedDraftInvoice(getContainer(), customer.id)
        const before = await portalSnapshot(getContainer())

        const response = await voidIt(draft.id)

        expectError(response, 409, "draft")
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("refuses to void a paid invoice, naming its state", async () => {
        const paid = await seedInvoice(getContainer(), customer.id, "paid")
        const before = await portalSnapshot(getContainer())

        const response = await voidIt(paid.id)

        expectError(response, 409, "paid")
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("answers a second void with 200 and leaves the invoice as the first left it", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        const first = await voidIt(sent.id)
        const afterFirst = await storedInvoice(sent.id)

        const second = await voidIt(sent.id)

        expect(second.status).toBe(200)
        expect(second.data.invoice).toEqual(
          expect.objectContaining({ status: "void", voided_at: first.data.invoice.voided_at })
        )
        expect(await storedInvoice(sent.id)).toEqual(afterFirst)
      })

      it("answers 404 for an unknown invoice", async () => {
        expectError(await voidIt("inv_01DOESNOTEXIST"), 404)
      })
    })

    describe("POST /admin/invoices/:id/payments", () => {
      it("records a partial payment: the invoice stays sent and the open amount shrinks", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")

        const response = await pay(sent.id, { amount: 20, method: "cash", reference: "Receipt 7" })

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({
            id: sent.id,
            status: "sent",
            // Derived since part payments (issue #15): some paid, some still due.
            display_status: "partially_paid",
            total: 59.97,
            amount_paid: 20,
            open_amount: 39.97,
            payments: [expect.objectContaining({ amount: 20, method: "cash", reference: "Receipt 7" })],
          })
        )
        expect(response.data.invoice.paid_at ?? null).toBeNull()
        const stored = await portal().retrievePortalInvoice(sent.id, { relations: ["payments"] })
        expect(Number(stored.amount_paid)).toBe(20)
        expect(stored.payments).toHaveLength(1)
      })

      it("marks the invoice paid when the rest is paid", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        await pay(sent.id, { amount: 20, method: "cash" })

        const response = await pay(sent.id, {
          amount: 39.97,
          method: "bank_transfer",
          paid_at: "2024-05-01T10:00:00.000Z",
          reference: "SEPA 991",
        })

        expect(response.status).toBe(200)
        expect(response.data.invoice).toEqual(
          expect.objectContaining({
            status: "paid",
            display_status: "paid",
            paid_at: expect.any(String),
            amount_paid: 59.97,
            open_amount: 0,
          })
        )
        expect(response.data.invoice.payments).toHaveLength(2)
        const transfer = response.data.invoice.payments.find((p: any) => p.method === "bank_transfer")
        expect(transfer).toEqual(expect.objectContaining({ amount: 39.97, reference: "SEPA 991" }))
        expect(new Date(transfer.paid_at).toISOString()).toBe("2024-05-01T10:00:00.000Z")
        expect((await portal().retrievePortalInvoice(sent.id)).status).toBe("paid")
      })

      it.each(["cash", "check", "bank_transfer", "card", "other"])(
        "accepts a payment by %s",
        async (method) => {
          const sent = await seedInvoice(getContainer(), customer.id, "sent")

          const response = await pay(sent.id, { amount: 59.97, method })

          expect(response.status).toBe(200)
          expect(response.data.invoice).toEqual(
            expect.objectContaining({ status: "paid", payments: [expect.objectContaining({ method, amount: 59.97 })] })
          )
        }
      )

      it("refuses more than the open amount with a 400 that names the open amount", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        const before = await portalSnapshot(getContainer())

        const response = await pay(sent.id, { amount: 60, method: "cash" })

        expectError(response, 400, "59.97")
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it("refuses more than what is left after a partial payment, naming what is left", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        await pay(sent.id, { amount: 20, method: "cash" })
        const before = await portalSnapshot(getContainer())

        const response = await pay(sent.id, { amount: 40, method: "cash" })

        expectError(response, 400, "39.97")
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it.each<[string, Record<string, unknown>, string]>([
        ["an amount of 0", { amount: 0, method: "cash" }, "amount"],
        ["a negative amount", { amount: -5, method: "cash" }, "amount"],
        ["an amount that is not a number", { amount: "lots", method: "cash" }, "amount"],
        ["a missing amount", { method: "cash" }, "amount"],
        ["the stripe method, which only online payments use", { amount: 10, method: "stripe" }, "method"],
        ["an unknown method", { amount: 10, method: "bitcoin" }, "method"],
        ["a missing method", { amount: 10 }, "method"],
      ])("refuses %s with a 400 naming the field and records nothing", async (_case, body, field) => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        const before = await portalSnapshot(getContainer())

        const response = await pay(sent.id, body)

        expectError(response, 400, field)
        expect(await portalSnapshot(getContainer())).toEqual(before)
      })

      it.each(["draft", "void", "paid"] as const)(
        "refuses a payment on a %s invoice, naming its state",
        async (status) => {
          const invoice = await seedInvoice(getContainer(), customer.id, status)
          const before = await portalSnapshot(getContainer())

          const response = await pay(invoice.id, { amount: 1, method: "cash" })

          expectError(response, 409, status)
          expect(await portalSnapshot(getContainer())).toEqual(before)
        }
      )

      it("answers 404 for an unknown invoice", async () => {
        expectError(await pay("inv_01DOESNOTEXIST", { amount: 1, method: "cash" }), 404)
      })

      it("emits portal.invoice.paid when the invoice is paid in full", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        const spy = spyOnEventBus(getContainer())

        await pay(sent.id, { amount: 59.97, method: "card" })

        expect(emittedMessages(spy, "portal.invoice.paid")).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ id: sent.id }) }),
        ])
      })

      it("does not emit portal.invoice.paid for a partial payment", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")
        const spy = spyOnEventBus(getContainer())

        const response = await pay(sent.id, { amount: 10, method: "card" })

        expect(response.status).toBe(200)
        expect(emittedMessages(spy, "portal.invoice.paid")).toEqual([])
      })

      it("records the payment in the invoice's activity log", async () => {
        const sent = await seedInvoice(getContainer(), customer.id, "sent")

        await pay(sent.id, { amount: 10, method: "check", reference: "Cheque 0042" })

        expect(await activityTypes(getContainer(), sent.id)).toContain("payment_recorded")
      })
    })

    describe("a whole life, through the routes only", () => {
      it("creates, edits, sends, part-pays and settles an invoice", async () => {
        const created = await api.post(
          "/admin/invoices",
          { customer_id: customer.id, currency_code: "usd", lines: [{ title: "Visit", quantity: 1, unit_price: 80 }] },
          adminHeaders
        )
        const id = created.data.invoice.id

        const edited = await api.post(
          `/admin/invoices/${id}`,
          { lines: [{ title: "Visit", quantity: 1, unit_price: 80 }, { title: "Valve", quantity: 2, unit_price: 12.5, tax_rate: 8 }] },
          adminHeaders
        )
        expect(edited.data.invoice.total).toBe(107)

        expect((await send(id)).data.invoice.display_number).toBe("INV-0001")
        expect((await pay(id, { amount: 7, method: "cash" })).data.invoice.open_amount).toBe(100)
        const settled = await pay(id, { amount: 100, method: "check" })
        expect(settled.data.invoice).toEqual(expect.objectContaining({ status: "paid", amount_paid: 107, open_amount: 0 }))

        const fetched = await api.get(`/admin/invoices/${id}`, adminHeaders)
        expect(fetched.data.invoice).toEqual(
          expect.objectContaining({ status: "paid", display_number: "INV-0001", total: 107 })
        )
        expect(fetched.data.invoice.payments).toHaveLength(2)
        expect(await activityTypes(getContainer(), id)).toEqual(
          expect.arrayContaining(["invoice_sent", "payment_recorded"])
        )
      })
    })
  },
})
