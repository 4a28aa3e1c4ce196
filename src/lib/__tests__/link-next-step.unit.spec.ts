import { linkNextStep } from "../link-next-step"

describe("linkNextStep", () => {
  it("offers a one-click new link from an expired link when one can arrive", () => {
    expect(linkNextStep("expired", null)).toEqual({ shown: "expired", step: "renew" })
  })

  it("offers the login page for a revoked link when a new one can arrive", () => {
    expect(linkNextStep("revoked", null)).toEqual({ shown: "revoked", step: "login" })
  })

  it("never offers a new link to a customer whose access is disabled: it says so and points to the business", () => {
    expect(linkNextStep("revoked", "access_disabled")).toEqual({ shown: "access_disabled", step: "contact" })
    expect(linkNextStep("expired", "access_disabled")).toEqual({ shown: "access_disabled", step: "contact" })
    expect(linkNextStep("access_disabled", undefined)).toEqual({ shown: "access_disabled", step: "contact" })
  })

  it("points to the business while the portal is off or the account is gone", () => {
    expect(linkNextStep("expired", "portal_disabled")).toEqual({ shown: "portal_disabled", step: "contact" })
    expect(linkNextStep("portal_disabled", undefined)).toEqual({ shown: "portal_disabled", step: "contact" })
    expect(linkNextStep("revoked", "account_closed")).toEqual({ shown: "account_closed", step: "contact" })
    expect(linkNextStep("account_closed", undefined)).toEqual({ shown: "account_closed", step: "contact" })
  })

  it("keeps the link's own reason but points to the business when no email could be sent", () => {
    expect(linkNextStep("expired", "no_email")).toEqual({ shown: "expired", step: "contact" })
    expect(linkNextStep("revoked", "no_access")).toEqual({ shown: "revoked", step: "contact" })
  })

  it("reveals nothing for a token that names nobody", () => {
    expect(linkNextStep("unknown", undefined)).toEqual({ shown: "unknown", step: "login" })
    expect(linkNextStep("unknown", "access_disabled")).toEqual({ shown: "unknown", step: "login" })
  })
})
