import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readPdf } from "../../../src/lib/pdf/__tests__/extract-text"
import { createPortalLinkWorkflow } from "../../../src/workflows/access"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { expectError, portalService, portalSnapshot, seedEstimate } from "../../utils/portal"
import { csrfFrom, formPost, portalSession } from "./helpers"

jest.setTimeout(120_000)

const fail = (e: any) => e.response
const TERMS = "Work starts within 10 days of approval. 30% deposit."

/** Signed approvals: the confirmation step, the append-only record, and changed estimates. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let customer: { id: string }
    let auth: { headers: Record<string, string> }
    let estimateId: string

    beforeEach(async () => {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      customer = (await createCustomer(container)) as any
      const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
      const storeHeaders = { "x-publishable-api-key": keys[0].token }
      const { data } = await api.post("/store/portal/auth", { token: new URL(link.url).pathname.split("/").pop() }, { headers: storeHeaders })
      auth = { headers: { ...storeHeaders, authorization: `Bearer ${data.token}`, "user-agent": "ApprovalTest/1.0" } }
      estimateId = (await seedEstimate(container, customer.id, "sent")).id
    })

    const requireSignature = () =>
      portalService(getContainer()).updateSettings({ approval_requires_name: true, approval_terms: TERMS })
    const shown = async () => (await api.get(`/store/portal/estimates/${estimateId}`, auth)).data.estimate

    it("shows a storefront the fingerprint and what approving asks for", async () => {
      await requireSignature()
      const estimate = await shown()
      expect(estimate.document_hash).toMatch(/^[0-9a-f]{64}$/)
      expect(estimate.approval).toEqual({ requires_name: true, terms: TERMS })
      // Undecided: no record stands on it yet.
      expect((await api.get(`/store/portal/estimates/${estimateId}`, auth)).data.decision).toBeNull()
      // The same estimate shown twice has the same fingerprint; other terms give another.
      expect((await shown()).document_hash).toBe(estimate.document_hash)
      await portalService(getContainer()).updateSettings({ approval_terms: "Other terms" })
      expect((await shown()).document_hash).not.toBe(estimate.document_hash)
    })

    it("refuses an approval without the required name or terms with a 400 that says what to do, and changes nothing", async () => {
      await requireSignature()
      const { document_hash } = await shown()
      const before = await portalSnapshot(getContainer())
      const url = `/store/portal/estimates/${estimateId}/accept`
      expectError(await api.post(url, { estimate_hash: document_hash, accept_terms: true }, auth).catch(fail), 400, "Type your full name")
      expectError(await api.post(url, { estimate_hash: document_hash, accept_terms: true, full_name: "  " }, auth).catch(fail), 400, "full name")
      expectError(await api.post(url, { estimate_hash: document_hash, full_name: "Ana Díaz" }, auth).catch(fail), 400, "Tick the box")
      expectError(await api.post(url, { full_name: "Ana", accept_terms: "yes" }, auth).catch(fail), 400, "accept_terms")
      expectError(await api.post(url, { estimate_hash: "abc" }, auth).catch(fail), 400, "estimate_hash", "64 hex")
      expectError(await api.post(url, { full_name: "x".repeat(201) }, auth).catch(fail), 400, "full_name", "200")
      expectError(await api.post(url, { signature: "Ana" }, auth).catch(fail), 400)
      expect(await portalSnapshot(getContainer())).toEqual(before)
    })

    it("records a signed approval with name, terms, session, address, browser and the fingerprint shown", async () => {
      await requireSignature()
      const { document_hash } = await shown()
      const { data } = await api.post(
        `/store/portal/estimates/${estimateId}/accept`,
        { full_name: "  Ana   Díaz ", accept_terms: true, estimate_hash: document_hash },
        auth
      )
      expect(data.estimate.status).toBe("accepted")
      expect(data.decision).toEqual({
        id: expect.stringMatching(/^estdec_/),
        estimate_id: estimateId,
        decision: "accepted",
        signed_name: "Ana Díaz",
        accepted_terms: TERMS,
        note: null,
        document_hash,
        decided_at: expect.any(String),
      })
      // The customer's answer never carries the address, browser or session.
      expect(JSON.stringify(data)).not.toMatch(/user_agent|"ip"|portal_session_id/)
      // Reading the estimate again gives the same record, on both faces.
      const reread = await api.get(`/store/portal/estimates/${estimateId}`, auth)
      expect(reread.data.decision).toEqual(data.decision)
      expect(JSON.stringify(reread.data)).not.toMatch(/user_agent|"ip"|portal_session_id/)

      const owner = await api.get(`/admin/estimates/${estimateId}/decisions`, adminHeaders)
      expect(owner.data.decisions).toEqual([
        expect.objectContaining({
          decision: "accepted",
          signed_name: "Ana Díaz",
          accepted_terms: TERMS,
          document_hash,
          portal_session_id: expect.stringMatching(/^psess_|^[a-z]+_/),
          ip: expect.stringMatching(/127\.0\.0\.1|::1/),
          user_agent: "ApprovalTest/1.0",
          total: 59.97,
          currency_code: "eur",
        }),
      ])
      // The PDF of the approved estimate (customer's and owner's copy) prints the record.
      for (const [url, headers] of [[`/store/portal/estimates/${estimateId}/pdf`, auth], [`/admin/estimates/${estimateId}/pdf`, adminHeaders]] as const) {
        const pdf = await api.get(url, { ...headers, responseType: "arraybuffer" })
        const text = (await readPdf(Buffer.from(pdf.data))).text.replace(/\s+/g, " ")
        expect(text).toMatch(/Approved by Ana Díaz on \w+/)
        expect(text).toContain(`Document SHA-256: ${document_hash}`)
      }
      // A repeat is a harmless double click: no second record.
      const again = await api.post(`/store/portal/estimates/${estimateId}/accept`, { full_name: "Ana Díaz", accept_terms: true }, auth)
      expect(again.data.decision).toBeNull()
      expect((await api.get(`/admin/estimates/${estimateId}/decisions`, adminHeaders)).data.decisions).toHaveLength(1)
      expectError(await api.get(`/admin/estimates/est_missing/decisions`, adminHeaders).catch(fail), 404)
    })

    it("keeps a rejection's record with the reason, and needs no name for it", async () => {
      await requireSignature()
      const { data } = await api.post(`/store/portal/estimates/${estimateId}/reject`, { note: "Too expensive" }, auth)
      expect(data.decision).toEqual(expect.objectContaining({ decision: "rejected", note: "Too expensive", signed_name: null, accepted_terms: null }))
      const [record] = (await api.get(`/admin/estimates/${estimateId}/decisions`, adminHeaders)).data.decisions
      expect(record).toEqual(expect.objectContaining({ decision: "rejected", note: "Too expensive", document_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }))
    })

    it("refuses to approve an estimate that changed since the customer loaded it (409), then takes the new one", async () => {
      const { document_hash } = await shown()
      // The owner changes the estimate meanwhile.
      await portalService(getContainer()).updatePortalEstimates({ id: estimateId, total: 75, notes: "Parts added" })
      const before = await portalSnapshot(getContainer())
      const refused = await api.post(`/store/portal/estimates/${estimateId}/accept`, { estimate_hash: document_hash }, auth).catch(fail)
      expectError(refused, 409, "changed since you opened it", "review it again")
      expect(await portalSnapshot(getContainer())).toEqual(before)
      const fresh = await shown()
      expect(fresh.document_hash).not.toBe(document_hash)
      const approved = await api.post(`/store/portal/estimates/${estimateId}/accept`, { estimate_hash: fresh.document_hash }, auth)
      expect(approved.data.decision.document_hash).toBe(fresh.document_hash)
    })

    it("keeps decision records immutable: no update method, and the database refuses UPDATE and DELETE", async () => {
      const { data } = await api.post(`/store/portal/estimates/${estimateId}/accept`, {}, auth)
      const portal = portalService(getContainer()) as any
      for (const method of ["updatePortalEstimateDecisions", "deletePortalEstimateDecisions", "softDeletePortalEstimateDecisions", "createPortalEstimateDecisions"]) {
        expect(portal[method]).toBeUndefined()
      }
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
      await expect(knex.raw("UPDATE portal_estimate_decision SET signed_name = 'Mallory' WHERE id = ?", [data.decision.id])).rejects.toThrow(/immutable/)
      await expect(knex.raw("DELETE FROM portal_estimate_decision WHERE id = ?", [data.decision.id])).rejects.toThrow(/immutable/)
      const { rows } = await knex.raw("SELECT signed_name FROM portal_estimate_decision WHERE id = ?", [data.decision.id])
      expect(rows).toEqual([{ signed_name: null }])
    })

    it("compensation removes the record it inserted and puts the estimate back", async () => {
      const portal = portalService(getContainer())
      const result = await portal.decideEstimate(customer.id, estimateId, { decision: "accepted", policy: { requires_name: false, terms: null } })
      expect(result.changed).toBe(true)
      await portal.revertEstimateDecision(result.record!.id, result.previous)
      expect(await portal.listEstimateDecisions(estimateId)).toEqual([])
      expect((await portal.retrievePortalEstimate(estimateId)).status).toBe("sent")
    })

    describe("portal pages", () => {
      let session: { headers: Record<string, string> }
      beforeEach(async () => {
        session = (await portalSession(api, getContainer(), customer.id)) as any
      })

      it("opens a confirmation step with the estimate, the terms box and the name field, then records the signature", async () => {
        await requireSignature()
        const detail = await api.get(`/portal/estimates/${estimateId}`, session)
        expect(detail.data).toMatch(/action="\/portal\/estimates\/[^"]+\/accept"/)
        const confirm = await api.get(`/portal/estimates/${estimateId}/accept`, session)
        expect(confirm.status).toBe(200)
        expect(confirm.data).toContain("I accept these terms")
        expect(confirm.data).toContain(TERMS)
        expect(confirm.data).toMatch(/<input id="full_name" name="full_name"[^>]* required/)
        expect(confirm.data).not.toContain("aria-invalid")
        const hash = confirm.data.match(/name="estimate_hash" value="([0-9a-f]{64})"/)[1]
        const csrf = csrfFrom(confirm.data)
        const form = (fields: Record<string, string>) => new URLSearchParams({ _csrf: csrf, estimate_hash: hash, shown_total: "59.97", ...fields }).toString()

        const noName = await api.post(`/portal/estimates/${estimateId}/accept`, form({ accept_terms: "on" }), formPost(session))
        expect(noName.status).toBe(400)
        expect(noName.data).toContain("Type your full name to approve this estimate.")
        expect(noName.data).toContain('name="full_name"')
        // The name field is marked invalid and points at the message (screen readers read both).
        expect(noName.data).toMatch(/<p class="field-error" id="approve-error" role="alert">Type your full name/)
        expect(noName.data).toMatch(/<input id="full_name"[^>]* aria-invalid="true" aria-describedby="approve-error full_name-hint"/)
        expect(noName.data).not.toMatch(/<input type="checkbox" id="accept_terms"[^>]* aria-invalid/)
        expect((await portalService(getContainer()).retrievePortalEstimate(estimateId)).status).toBe("sent")

        const unticked = await api.post(`/portal/estimates/${estimateId}/accept`, form({ full_name: "Ana Díaz" }), formPost(session))
        expect(unticked.status).toBe(400)
        expect(unticked.data).toContain("Tick the box to accept the terms")
        expect(unticked.data).toContain('value="Ana Díaz"')
        expect(unticked.data).toMatch(/<input type="checkbox" id="accept_terms"[^>]* aria-invalid="true" aria-describedby="approve-error terms"/)
        expect(unticked.data).not.toMatch(/<input id="full_name"[^>]* aria-invalid/)

        const ok = await api.post(`/portal/estimates/${estimateId}/accept`, form({ full_name: "Ana Díaz", accept_terms: "on" }), formPost(session))
        expect(ok.status).toBe(303)
        expect(ok.headers.location).toBe(`/portal/estimates/${estimateId}?decided=accepted`)
        const [record] = await portalService(getContainer()).listEstimateDecisions(estimateId)
        expect(record).toEqual(expect.objectContaining({ signed_name: "Ana Díaz", document_hash: hash, accepted_terms: TERMS }))
        expect(record.portal_session_id).toBeTruthy()
        // The estimate page then says who signed it and the fingerprint they approved.
        const signed = await api.get(`/portal/estimates/${estimateId}`, session)
        expect(signed.data).toContain("<dt>Signed by</dt><dd>Ana Díaz</dd>")
        expect(signed.data).toContain(`<code>${hash}</code>`)
        // Decided: the confirmation step sends the customer back to the estimate.
        expect((await api.get(`/portal/estimates/${estimateId}/accept`, session)).status).toBe(303)
      })

      it("shows what changed when the estimate changed after the customer opened it, and asks again", async () => {
        const confirm = await api.get(`/portal/estimates/${estimateId}/accept`, session)
        const hash = confirm.data.match(/name="estimate_hash" value="([0-9a-f]{64})"/)[1]
        await portalService(getContainer()).updatePortalEstimates({ id: estimateId, total: 75 })
        const body = new URLSearchParams({ _csrf: csrfFrom(confirm.data), estimate_hash: hash, shown_total: "59.97", full_name: "Ana" }).toString()
        const changed = await api.post(`/portal/estimates/${estimateId}/accept`, body, formPost(session))
        expect(changed.status).toBe(409)
        expect(changed.data).toContain("This estimate changed since you opened it.")
        expect(changed.data).toMatch(/The total was €59\.97, it is now €75\.00\./)
        expect(changed.data).toContain("Approve estimate")
        expect(changed.data).not.toMatch(/name="accept_terms"[^>]* checked/)
        const fresh = changed.data.match(/name="estimate_hash" value="([0-9a-f]{64})"/)[1]
        expect(fresh).not.toBe(hash)
        expect((await portalService(getContainer()).retrievePortalEstimate(estimateId)).status).toBe("sent")
        const again = new URLSearchParams({ _csrf: csrfFrom(changed.data), estimate_hash: fresh, shown_total: "75", full_name: "Ana" }).toString()
        expect((await api.post(`/portal/estimates/${estimateId}/accept`, again, formPost(session))).status).toBe(303)
      })
    })
  },
})
