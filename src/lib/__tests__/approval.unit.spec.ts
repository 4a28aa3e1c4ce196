import { canonicalEstimate, estimateFingerprint, policyFromSettings, signatureProblem, signDecision } from "../approval"

const estimate = {
  id: "est_1",
  number: "EST-0001",
  currency_code: "eur",
  issue_date: "2026-12-01T00:00:00.000Z",
  valid_until: null,
  subtotal: 100,
  tax_total: 20,
  total: 120,
  notes: "Thanks",
  lines: [{ title: "Roof", description: null, quantity: 1, unit_price: 100, tax_rate: 20, subtotal: 100, tax_total: 20, total: 120 }],
}

describe("estimateFingerprint", () => {
  it("is a SHA-256 of the canonical text, the same for the same estimate however its values are typed", () => {
    const hash = estimateFingerprint(estimate, "Terms")
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(estimateFingerprint({ ...estimate, total: "120", issue_date: new Date("2026-12-01T00:00:00Z") }, " Terms ")).toBe(hash)
  })

  it("changes with anything the customer is shown: lines, totals, notes, dates, number, terms", () => {
    const hash = estimateFingerprint(estimate, "Terms")
    const changes = [
      { ...estimate, total: 121 },
      { ...estimate, notes: "Thanks!" },
      { ...estimate, number: "EST-0002" },
      { ...estimate, valid_until: "2027-01-01" },
      { ...estimate, lines: [{ ...estimate.lines[0], title: "Roof + gutter" }] },
      { ...estimate, lines: [...estimate.lines, estimate.lines[0]] },
    ]
    for (const changed of changes) {
      expect(estimateFingerprint(changed, "Terms")).not.toBe(hash)
    }
    expect(estimateFingerprint(estimate, "Other terms")).not.toBe(hash)
    expect(estimateFingerprint(estimate, null)).not.toBe(hash)
  })

  it("covers the deposit the customer is asked for, and leaves estimates without one as they were", () => {
    const hash = estimateFingerprint(estimate, "Terms")
    expect(estimateFingerprint({ ...estimate, deposit: null }, "Terms")).toBe(hash)
    const withDeposit = estimateFingerprint({ ...estimate, deposit: { amount: 30 } }, "Terms")
    expect(withDeposit).not.toBe(hash)
    expect(estimateFingerprint({ ...estimate, deposit: { amount: "30" } }, "Terms")).toBe(withDeposit)
    expect(estimateFingerprint({ ...estimate, deposit: { amount: 36 } }, "Terms")).not.toBe(withDeposit)
  })

  it("names its format, so a future canonical form never compares equal by accident", () => {
    expect(JSON.parse(canonicalEstimate(estimate, null)).format).toBe("portal-estimate-v1")
  })
})

describe("signDecision", () => {
  const strict = policyFromSettings({ approval_requires_name: true, approval_terms: "Deposit 30%" })

  it("asks for the typed name and the ticked terms when the owner requires them", () => {
    expect(() => signDecision("accepted", strict, { accept_terms: true })).toThrow("Type your full name")
    expect(() => signDecision("accepted", strict, { full_name: " a ", accept_terms: true })).toThrow("Type your full name")
    expect(() => signDecision("accepted", strict, { full_name: "Ana Díaz" })).toThrow("Tick the box")
    expect(signDecision("accepted", strict, { full_name: " Ana   Díaz ", accept_terms: true })).toEqual({
      signed_name: "Ana Díaz",
      accepted_terms: "Deposit 30%",
    })
  })

  it("names the field the refusal is about, so the page can mark it invalid", () => {
    expect(signatureProblem("accepted", strict, { full_name: "", accept_terms: true })?.field).toBe("full_name")
    expect(signatureProblem("accepted", strict, { full_name: "Ana Díaz" })?.field).toBe("accept_terms")
    expect(signatureProblem("accepted", strict, { full_name: "Ana Díaz", accept_terms: true })).toBeNull()
    expect(signatureProblem("rejected", strict, {})).toBeNull()
  })

  it("needs neither for a rejection, nor when the owner asks for neither", () => {
    expect(signDecision("rejected", strict, {})).toEqual({ signed_name: null, accepted_terms: null })
    expect(signDecision("accepted", policyFromSettings({}), {})).toEqual({ signed_name: null, accepted_terms: null })
  })
})
