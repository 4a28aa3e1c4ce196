import { whyNotEmailCustomer } from "../portal-email"

const open = { portal_enabled: true, access: { enabled: true }, email: "jane@example.com" }

describe("whyNotEmailCustomer", () => {
  it("allows every email to a customer with enabled access while the portal is on", () => {
    for (const purpose of ["owner_request", "document", "customer_request", "receipt"] as const) {
      expect(whyNotEmailCustomer(purpose, open)).toBeNull()
    }
  })

  it("sends nothing but receipts while the portal is off", () => {
    const off = { ...open, portal_enabled: false }
    expect(whyNotEmailCustomer("owner_request", off)).toBe("portal_disabled")
    expect(whyNotEmailCustomer("document", off)).toBe("portal_disabled")
    expect(whyNotEmailCustomer("customer_request", off)).toBe("portal_disabled")
    expect(whyNotEmailCustomer("receipt", off)).toBeNull()
  })

  it("sends nothing but receipts to a customer whose access is disabled", () => {
    const disabled = { ...open, access: { enabled: false } }
    expect(whyNotEmailCustomer("owner_request", disabled)).toBe("access_disabled")
    expect(whyNotEmailCustomer("document", disabled)).toBe("access_disabled")
    expect(whyNotEmailCustomer("customer_request", disabled)).toBe("access_disabled")
    expect(whyNotEmailCustomer("receipt", disabled)).toBeNull()
  })

  it("lets the owner and a first document give access, but not a customer's own request", () => {
    const never = { ...open, access: null }
    expect(whyNotEmailCustomer("owner_request", never)).toBeNull()
    expect(whyNotEmailCustomer("document", never)).toBeNull()
    expect(whyNotEmailCustomer("customer_request", never)).toBe("no_access")
  })

  it("needs an address to send to", () => {
    for (const email of [null, undefined, "", "  "]) {
      expect(whyNotEmailCustomer("owner_request", { ...open, email })).toBe("no_email")
      expect(whyNotEmailCustomer("receipt", { ...open, email })).toBe("no_email")
    }
  })

  it("names the portal's state before the missing address", () => {
    expect(whyNotEmailCustomer("document", { portal_enabled: false, access: null, email: null })).toBe("portal_disabled")
  })

  it("sends no reminder to a customer who opted out, and every other email still", () => {
    const optedOut = { ...open, access: { enabled: true, reminders_opt_out: true } }
    expect(whyNotEmailCustomer("reminder", optedOut)).toBe("reminders_opted_out")
    expect(whyNotEmailCustomer("document", optedOut)).toBeNull()
    expect(whyNotEmailCustomer("reminder", { ...open, access: { enabled: true, reminders_opt_out: false } })).toBeNull()
  })

  it("sends no reminder while the portal is off or the customer's access is disabled", () => {
    expect(whyNotEmailCustomer("reminder", { ...open, portal_enabled: false })).toBe("portal_disabled")
    expect(whyNotEmailCustomer("reminder", { ...open, access: { enabled: false } })).toBe("access_disabled")
  })
})
