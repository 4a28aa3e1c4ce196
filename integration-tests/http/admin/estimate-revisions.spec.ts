import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import type { ParsedMail } from "mailparser"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { daysFromNow, expectError, PAST, portalService, portalSnapshot, seedEstimate } from "../../utils/portal"
import { SmtpSink, useSmtpSink } from "../../utils/smtp-sink"
import { portalSession } from "../portal/helpers"

jest.setTimeout(120_000)

let sink: SmtpSink
useSmtpSink("Acme Plumbing <portal@acme.test>", (started) => (sink = started))

const fail = (e: any) => e.response
const recipient = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : "")

/**
 * Issue #14 item 5: the owner re-opens a rejected estimate as a revised copy, a new draft
 * numbered after it (EST-0007-2), with the history kept on both sides.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string; email: string }
    let auth: { headers: Record<string, string> }

    beforeEach(async () => {
      sink.clear()
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true, business_name: "Acme Plumbing" })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      customer = (await createCustomer(container)) as any
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      const { data } = await api.post("/store/portal/auth", { token: new URL(link.url).pathname.split("/").pop() }, { headers: storeHeaders })
      auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}` } }
    })

    const revise = (id: string, body: unknown = {}) => api.post(`/admin/estimates/${id}/revise`, body, adminHeaders).catch(fail)
    const adminEstimate = async (id: string) => (await api.get(`/admin/estimates/${id}`, adminHeaders)).data.estimate
    const decisions = async (id: string) => (await api.get(`/admin/estimates/${id}/decisions`, adminHeaders)).data.decisions
    const send = async (id: string) => (await api.post(`/admin/estimates/${id}/send`, {}, adminHeaders)).data.estimate

    /** An estimate the owner sent and the customer rejected on the storefront, with a reason. */
    const rejectedEstimate = async () => {
      const body = {
        customer_id: customer.id,
        currency_code: "eur",
        notes: "Parts ordered on approval.",
        internal_note: "Customer asked for a discount",
        valid_until: daysFromNow(30),
        lines: [
          { title: "Boiler service", quantity: 3, unit_price: 19.99, tax_rate: 20 },
          { title: "Valve", description: "Brass, 22 mm", quantity: 1, unit_price: 12.5 },
        ],
      }
      const { estimate: draft } = (await api.post("/admin/estimates", body, adminHeaders)).data
      const sent = await send(draft.id)
      await api.post(`/store/portal/estimates/${sent.id}/reject`, { note: "Too expensive" }, auth)
      return adminEstimate(sent.id)
    }

    it("re-opens a rejected estimate as a new draft numbered -2 with the same customer, currency, notes and lines", async () => {
      const original = await rejectedEstimate()
      const records = await decisions(original.id)
      expect(records).toEqual([expect.objectContaining({ decision: "rejected", note: "Too expensive" })])

      const response = await revise(original.id)
      expect(response.status).toBe(201)
      const revision = response.data.estimate
      expect(revision).toEqual(
        expect.objectContaining({
          id: expect.not.stringMatching(original.id),
          status: "draft",
          display_number: `${original.display_number}-2`,
          revision: 2,
          revision_of_id: original.id,
          revision_of: { id: original.id, display_number: original.display_number, status: "rejected", revision: 1 },
          revised_as: null,
          customer_id: customer.id,
          currency_code: "eur",
          notes: "Parts ordered on approval.",
          internal_note: "Customer asked for a discount",
          sent_at: null,
          decided_at: null,
          decision_note: null,
          total: original.total,
        })
      )
      const lineFields = (lines: any[]) =>
        lines.map(({ title, description, quantity, unit_price, tax_rate, total, rank }) => ({ title, description, quantity, unit_price, tax_rate, total, rank }))
      expect(lineFields(revision.lines)).toEqual(lineFields(original.lines))
      expect(revision.lines.map((l: any) => l.id)).not.toEqual(original.lines.map((l: any) => l.id))
      // Issued today, valid as long as the original was (30 days).
      expect(Date.now() - new Date(revision.issue_date).getTime()).toBeLessThan(60_000)
      const days = (new Date(revision.valid_until).getTime() - new Date(revision.issue_date).getTime()) / 86_400_000
      expect(days).toBeCloseTo(30)

      // The original is as it was, with its signed record; it now points at the revision.
      const after = await adminEstimate(original.id)
      const { revised_as, updated_at, ...unchanged } = after
      const { revised_as: before_revised_as, updated_at: before_updated_at, ...was } = original
      expect(unchanged).toEqual(was)
      expect(updated_at).toBe(before_updated_at)
      expect(before_revised_as).toBeNull()
      expect(revised_as).toEqual({ id: revision.id, display_number: `${original.display_number}-2`, status: "draft", revision: 2 })
      expect(await decisions(original.id)).toEqual(records)
      expect(await decisions(revision.id)).toEqual([])
    })

    it("answers 401 without an admin token (a customer's token included), changing nothing", async () => {
      const estimate = await seedEstimate(getContainer(), customer.id, "rejected")
      const before = await portalSnapshot(getContainer())
      expect((await api.post(`/admin/estimates/${estimate.id}/revise`, {}).catch(fail)).status).toBe(401)
      expect((await api.post(`/admin/estimates/${estimate.id}/revise`, {}, auth).catch(fail)).status).toBe(401)
      expect(await portalSnapshot(getContainer())).toEqual(before)
    })

    it.each([
      ["a draft", "draft", /is draft; edit the draft instead/],
      ["a pending", "sent", /is sent; only a rejected estimate can be revised; wait for the customer's decision/],
      ["an accepted", "accepted", /is accepted; the customer approved it, so it stays as signed/],
    ] as const)("refuses to revise %s estimate with a 409 that says why, and changes nothing", async (_label, status, message) => {
      const estimate = await seedEstimate(getContainer(), customer.id, status)
      const before = await portalSnapshot(getContainer())
      expectError(await revise(estimate.id), 409, message)
      expect(await portalSnapshot(getContainer())).toEqual(before)
    })

    it("refuses an expired pending estimate too (only a rejection re-opens an estimate)", async () => {
      const estimate = await seedEstimate(getContainer(), customer.id, "sent", { valid_until: PAST, issue_date: "2020-01-01T00:00:00.000Z" })
      expect((await adminEstimate(estimate.id)).is_expired).toBe(true)
      const before = await portalSnapshot(getContainer())
      expectError(await revise(estimate.id), 409, "only a rejected estimate can be revised")
      expect(await portalSnapshot(getContainer())).toEqual(before)
    })

    it("answers an unknown estimate with 404 and a body with fields with 400, changing nothing", async () => {
      const estimate = await seedEstimate(getContainer(), customer.id, "rejected")
      const before = await portalSnapshot(getContainer())
      expectError(await revise("est_missing"), 404, "not found")
      expectError(await revise(estimate.id, { display_number: "EST-9999" }), 400, "display_number")
      expectError(await revise(estimate.id, { lines: [] }), 400)
      expect(await portalSnapshot(getContainer())).toEqual(before)
    })

    it("revises only the latest estimate of a chain: the original names its revision, the rejected revision gives -3", async () => {
      const original = await seedEstimate(getContainer(), customer.id, "rejected", { display_number: "EST-0007" })
      const second = (await revise(original.id)).data.estimate
      expect(second.display_number).toBe("EST-0007-2")

      const before = await portalSnapshot(getContainer())
      expectError(await revise(original.id), 409, "Estimate EST-0007 was already revised as EST-0007-2", "open that one instead")
      expect(await portalSnapshot(getContainer())).toEqual(before)

      // The revision goes out through the normal send flow, keeping its number, and is rejected too.
      const sent = await send(second.id)
      expect(sent).toEqual(expect.objectContaining({ status: "sent", display_number: "EST-0007-2" }))
      await api.post(`/store/portal/estimates/${second.id}/reject`, { note: "Still too expensive" }, auth)

      const third = (await revise(second.id)).data.estimate
      expect(third).toEqual(
        expect.objectContaining({
          display_number: "EST-0007-3",
          revision: 3,
          revision_of: expect.objectContaining({ id: second.id, display_number: "EST-0007-2", status: "rejected" }),
        })
      )
      // The middle of the chain links both ways.
      expect(await adminEstimate(second.id)).toEqual(
        expect.objectContaining({
          revision_of: expect.objectContaining({ id: original.id, display_number: "EST-0007" }),
          revised_as: expect.objectContaining({ id: third.id, display_number: "EST-0007-3" }),
        })
      )
    })

    it("lets the owner revise again after deleting the draft revision, with the same number", async () => {
      const original = await seedEstimate(getContainer(), customer.id, "rejected", { display_number: "EST-0012" })
      const first = (await revise(original.id)).data.estimate
      expect((await api.delete(`/admin/estimates/${first.id}`, adminHeaders)).status).toBe(200)
      expect((await adminEstimate(original.id)).revised_as).toBeNull()
      const again = (await revise(original.id)).data.estimate
      expect(again).toEqual(expect.objectContaining({ display_number: "EST-0012-2", revision_of_id: original.id }))
      expect(again.id).not.toBe(first.id)
    })

    it("gives two revise requests at once one revision and one 409", async () => {
      const original = await seedEstimate(getContainer(), customer.id, "rejected", { display_number: "EST-0020" })
      const responses = await Promise.all([revise(original.id), revise(original.id), revise(original.id)])
      const statuses = responses.map((r) => r.status).sort()
      expect(statuses).toEqual([201, 409, 409])
      for (const refused of responses.filter((r) => r.status === 409)) {
        expectError(refused, 409, "already revised as EST-0020-2")
      }
      const revisions = await portalService(getContainer()).listPortalEstimates({ revision_of_id: original.id }, { withDeleted: true })
      expect(revisions.map((r) => r.display_number)).toEqual(["EST-0020-2"])
    })

    it("keeps a draft revision from the customer on every face, then sends, emails and takes an approval like any estimate", async () => {
      const original = await rejectedEstimate()
      const revision = (await revise(original.id)).data.estimate
      const session = await portalSession(api, getContainer(), customer.id)

      // Draft: not in the list, not by id (404 like any estimate that is not theirs), not as PDF.
      const listed = (await api.get("/store/portal/estimates", auth)).data.estimates.map((e: any) => e.id)
      expect(listed).toEqual([original.id])
      expectError(await api.get(`/store/portal/estimates/${revision.id}`, auth).catch(fail), 404)
      expect((await api.get(`/store/portal/estimates/${revision.id}/pdf`, auth).catch(fail)).status).toBe(404)
      expect((await api.get(`/portal/estimates/${revision.id}`, session).catch(fail)).status).toBe(404)
      const page = (await api.get(`/portal/estimates/${original.id}`, session)).data
      expect(page).not.toContain(revision.display_number)
      expect(page).not.toContain(revision.id)
      expect(page).not.toContain("This estimate was revised")
      const originalJson = (await api.get(`/store/portal/estimates/${original.id}`, auth)).data
      expect(originalJson.revised_as).toBeNull()
      expect(JSON.stringify(originalJson)).not.toContain(revision.id)
      expectError(await api.post(`/store/portal/estimates/${revision.id}/accept`, {}, auth).catch(fail), 404)
      expect(sink.messages.filter((m) => m.subject?.includes(revision.display_number))).toEqual([])

      // Sent: the normal flow emails the customer about the revision's number.
      sink.clear()
      await send(revision.id)
      const mail = await sink.waitFor((m) => recipient(m).includes(customer.email) && !!m.subject?.includes(revision.display_number))
      expect(mail.subject).toBe(`Estimate ${revision.display_number} from Acme Plumbing`)
      const listedNow = (await api.get("/store/portal/estimates", auth)).data.estimates.map((e: any) => e.id)
      expect(listedNow.sort()).toEqual([original.id, revision.id].sort())
      // The rejected original now points the customer at the new version, on both faces.
      expect((await api.get(`/store/portal/estimates/${original.id}`, auth)).data.revised_as).toEqual({
        id: revision.id,
        number: revision.display_number,
        status: "pending",
        status_label: "Pending",
      })
      const pointed = (await api.get(`/portal/estimates/${original.id}`, session)).data
      expect(pointed).toContain(`This estimate was revised. See the new version: <a href="/portal/estimates/${revision.id}">estimate <span class="nowrap">${revision.display_number}</span></a> (Pending).`)
      // What the customer reads carries no owner-only revision fields.
      const shown = (await api.get(`/store/portal/estimates/${revision.id}`, auth)).data
      expect(JSON.stringify(shown)).not.toMatch(/internal_note|Customer asked for a discount|revision_of_id/)

      const approved = await api.post(`/store/portal/estimates/${revision.id}/accept`, { estimate_hash: shown.estimate.document_hash }, auth)
      expect(approved.data.estimate.status).toBe("accepted")
      expect(await decisions(revision.id)).toEqual([expect.objectContaining({ decision: "accepted", display_number: revision.display_number })])
      // The original keeps its rejection.
      expect(await decisions(original.id)).toEqual([expect.objectContaining({ decision: "rejected", note: "Too expensive" })])
      expect((await adminEstimate(original.id)).status).toBe("rejected")
    })
  },
})
