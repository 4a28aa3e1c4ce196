import { MedusaError } from "@medusajs/framework/utils"
import { DEFAULT_ACCENT_COLOR, renderEmail, resolveBranding } from "../render"
import { EMAIL_TEMPLATES } from "../templates"

const XSS = `<script>alert("x")</script>`
const PORTAL_URL = "https://shop.example.com/portal/access/AbC123_-token"

const branding = {
  business_name: "Acme Plumbing",
  logo_url: "https://cdn.example.com/logo.png",
  accent_color: "#0f766e",
  support_email: "help@acme.example",
}

function portalAccess(overrides: Partial<Parameters<typeof renderEmail<"portal-access">>[1]> = {}) {
  return renderEmail(
    "portal-access",
    { customer_first_name: "Jane", portal_url: PORTAL_URL, expires_at: "2026-03-15T12:00:00.000Z", ...overrides },
    branding
  )
}

function invoiceSent(overrides: Partial<Parameters<typeof renderEmail<"invoice-sent">>[1]> = {}, brand: any = branding) {
  return renderEmail(
    "invoice-sent",
    {
      customer_first_name: "Jane",
      invoice_number: "INV-0042",
      amount: 1234.5,
      currency_code: "usd",
      due_date: new Date("2026-02-01T00:00:00.000Z"),
      portal_url: "https://shop.example.com/portal/invoices/inv_1",
      ...overrides,
    },
    brand
  )
}

function estimateSent(overrides: Partial<Parameters<typeof renderEmail<"estimate-sent">>[1]> = {}) {
  return renderEmail(
    "estimate-sent",
    {
      customer_first_name: "Jane",
      estimate_number: "EST-0007",
      amount: "980.00",
      currency_code: "eur",
      valid_until: "2026-04-30",
      portal_url: "https://shop.example.com/portal/estimates/est_1",
      ...overrides,
    },
    branding
  )
}

describe("renderEmail", () => {
  describe("portal-access", () => {
    it("greets the customer, links the portal and says when the link expires", () => {
      const email = portalAccess()
      expect(email.subject).toBe("Your Acme Plumbing customer portal link")
      expect(email.html).toContain("Hi Jane,")
      expect(email.html).toContain(`href="${PORTAL_URL}"`)
      expect(email.html).toContain(">Open your portal</a>")
      expect(email.html).toContain("This link expires on March 15, 2026.")
      expect(email.html).toMatch(/do not forward this email/)
      expect(email.html).toContain(`<img src="https://cdn.example.com/logo.png" alt="Acme Plumbing"`)
      expect(email.html).toContain("background-color:#0f766e")
      expect(email.html).toContain(`Questions? Write to <a href="mailto:help@acme.example"`)
    })

    it("has a readable plain-text version with the link on its own line", () => {
      const { text } = portalAccess()
      expect(text).not.toMatch(/<[a-z/]/i)
      expect(text).toContain("Hi Jane,")
      expect(text.split("\n")).toContain(PORTAL_URL)
      expect(text).toContain("This link expires on March 15, 2026.")
      expect(text).toContain("Please do not forward this email.")
      expect(text).toContain("Questions? Write to help@acme.example")
      expect(text).not.toMatch(/\n{3,}/)
    })

    it("says hello without a first name", () => {
      const email = portalAccess({ customer_first_name: null })
      expect(email.html).toContain("Hello,")
      expect(email.text.startsWith("Hello,\n")).toBe(true)
    })

    it("formats the expiry date in the locale and time zone it is given", () => {
      const email = portalAccess({ expires_at: "2026-03-15T23:30:00.000Z", locale: "de-DE", time_zone: "Europe/Berlin" })
      expect(email.text).toContain("This link expires on 16. März 2026.")
    })

    it("falls back to en-US for an unknown locale instead of failing the email", () => {
      expect(portalAccess({ locale: "xx-not-a-locale!!" }).text).toContain("March 15, 2026")
    })

    it("refuses a link that is not an absolute http(s) URL", () => {
      expect(() => portalAccess({ portal_url: "javascript:alert(1)" })).toThrow(/portal_url must be an absolute http\(s\) URL/)
      expect(() => portalAccess({ portal_url: "/portal/access/x" })).toThrow(MedusaError)
    })

    it("refuses a missing or invalid expiry date", () => {
      expect(() => portalAccess({ expires_at: "not a date" })).toThrow(/expires_at is not a valid date/)
      expect(() => portalAccess({ expires_at: undefined as any })).toThrow(/expires_at is required/)
    })
  })

  describe("invoice-sent", () => {
    it("prints the owner's payment instructions line by line, escaped, and nothing when there are none", () => {
      const email = invoiceSent({ payment_instructions: "Bank transfer to Acme <Ltd>\r\nIBAN GB00 1234\nReference: INV-0042" })
      expect(email.html).toContain("How to pay")
      expect(email.html).toContain("Bank transfer to Acme &lt;Ltd&gt;<br>IBAN GB00 1234<br>Reference: INV-0042")
      expect(email.text).toContain("How to pay:\nBank transfer to Acme <Ltd>\nIBAN GB00 1234\nReference: INV-0042")
      const none = invoiceSent({ payment_instructions: "  " })
      expect(none.html).not.toContain("How to pay")
      expect(none.text).not.toContain("How to pay")
    })

    it("shows the number, the amount in the invoice currency and the due date", () => {
      const email = invoiceSent()
      expect(email.subject).toBe("Invoice INV-0042 from Acme Plumbing")
      expect(email.html).toContain("Acme Plumbing has sent you invoice INV-0042.")
      expect(email.html).toContain("$1,234.50")
      expect(email.html).toContain("February 1, 2026")
      expect(email.html).toContain(`href="https://shop.example.com/portal/invoices/inv_1"`)
      expect(email.html).toContain(">View invoice</a>")
      expect(email.text).toContain("Amount due: $1,234.50")
      expect(email.text).toContain("Due date:   February 1, 2026")
      expect(email.text).toContain("https://shop.example.com/portal/invoices/inv_1")
    })

    it("formats zero-decimal currencies and decimal strings exactly", () => {
      expect(invoiceSent({ amount: 5000, currency_code: "jpy" }).text).toContain("¥5,000")
      expect(invoiceSent({ amount: "1234567.89", currency_code: "EUR" }).text).toContain("€1,234,567.89")
    })

    it("leaves the due date out when there is none", () => {
      const email = invoiceSent({ due_date: null })
      expect(email.html).not.toContain("Due date")
      expect(email.text).not.toContain("Due date")
    })

    it("refuses an unknown currency or a non-numeric amount, naming the field", () => {
      expect(() => invoiceSent({ currency_code: "zz" })).toThrow(/currency_code "zz" is not an ISO 4217 currency/)
      expect(() => invoiceSent({ amount: "12,50" })).toThrow(/amount must be a number/)
      expect(() => invoiceSent({ invoice_number: " " })).toThrow(/invoice_number is required/)
    })

    it("works without any branding", () => {
      const email = invoiceSent({}, null)
      expect(email.subject).toBe("Invoice INV-0042")
      expect(email.html).toContain("Customer portal")
      expect(email.html).toContain("You have received invoice INV-0042.")
      expect(email.html).not.toContain("<img")
      expect(email.html).not.toContain("Questions?")
      expect(email.html).toContain(`background-color:${DEFAULT_ACCENT_COLOR}`)
      expect(email.text).toContain("--\nCustomer portal\n")
    })
  })

  describe("estimate-sent", () => {
    it("shows the number, the amount, the validity and a review button", () => {
      const email = estimateSent()
      expect(email.subject).toBe("Estimate EST-0007 from Acme Plumbing")
      expect(email.html).toContain("€980.00")
      expect(email.html).toContain("April 30, 2026")
      expect(email.html).toContain(">Review estimate</a>")
      expect(email.text).toContain("Valid until: April 30, 2026")
      expect(email.text).toContain("https://shop.example.com/portal/estimates/est_1")
    })
  })

  describe("escaping", () => {
    it("escapes a script in the customer's name, the business name and the invoice number", () => {
      const email = renderEmail(
        "invoice-sent",
        {
          customer_first_name: XSS,
          invoice_number: `INV-1${XSS}`,
          amount: 10,
          currency_code: "usd",
          portal_url: "https://shop.example.com/portal",
        },
        { business_name: `Evil ${XSS} & Co`, support_email: "help@acme.example" }
      )
      expect(email.html).not.toContain("<script")
      expect(email.html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;,")
      expect(email.html).toContain("Evil &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co")
      expect(email.html).toContain("INV-1&lt;script&gt;")
      // Plain text is not HTML: it shows the characters as typed, never entities.
      expect(email.text).toContain(`Evil ${XSS} & Co`)
      expect(email.text).not.toContain("&amp;")
    })

    it("escapes quotes in attribute values", () => {
      const email = portalAccess({ portal_url: `https://shop.example.com/portal/access/x"onmouseover="alert(1)` })
      expect(email.html).not.toContain(`"onmouseover="`)
      const html = renderEmail(
        "portal-access",
        { portal_url: PORTAL_URL, expires_at: new Date() },
        { business_name: `"><script>alert(1)</script>`, logo_url: "https://cdn.example.com/l.png" }
      ).html
      expect(html).not.toContain("<script")
      expect(html).toContain(`alt="&quot;&gt;&lt;script&gt;`)
    })

    it("keeps subjects on one line, whatever the business name holds", () => {
      const email = renderEmail(
        "estimate-sent",
        { estimate_number: "EST-1\r\nBcc: victim@example.com", amount: 1, currency_code: "usd", portal_url: PORTAL_URL },
        { business_name: "Acme\nPlumbing" }
      )
      expect(email.subject).toBe("Estimate EST-1 Bcc: victim@example.com from Acme Plumbing")
    })
  })

  describe("branding", () => {
    it.each([
      ["#0F766E", "#0f766e"],
      ["#abc", DEFAULT_ACCENT_COLOR],
      ["red", DEFAULT_ACCENT_COLOR],
      ["#0f766e;background:url(https://evil.example/x)", DEFAULT_ACCENT_COLOR],
      ["#0f766e\" onclick=\"x", DEFAULT_ACCENT_COLOR],
      [null, DEFAULT_ACCENT_COLOR],
    ])("accepts accent colour %p only as #rrggbb → %p", (input, expected) => {
      expect(resolveBranding({ accent_color: input }).accent_color).toBe(expected)
      const html = invoiceSent({}, { accent_color: input }).html
      expect(html).toContain(`background-color:${expected};`)
      expect(html).not.toContain("evil.example")
      expect(html).not.toContain("onclick")
    })

    it("picks dark button text on a light accent colour", () => {
      expect(resolveBranding({ accent_color: "#fde047" }).accent_text_color).toBe("#111827")
      expect(resolveBranding({ accent_color: "#1e3a8a" }).accent_text_color).toBe("#ffffff")
    })

    it("shows a logo only for an http(s) URL", () => {
      expect(resolveBranding({ logo_url: "javascript:alert(1)" }).logo_url).toBe("")
      expect(resolveBranding({ logo_url: "data:image/svg+xml;base64,AAAA" }).logo_url).toBe("")
      expect(invoiceSent({}, { logo_url: "javascript:alert(1)" }).html).not.toContain("<img")
    })

    it("drops a support address that is not an email address", () => {
      expect(resolveBranding({ support_email: "not an address" }).support_email).toBe("")
      expect(resolveBranding({ support_email: " help@acme.example " }).support_email).toBe("help@acme.example")
    })
  })

  describe("estimate-decided", () => {
    const decided = (overrides: Record<string, unknown> = {}) =>
      renderEmail("estimate-decided", {
        customer_name: `Jo ${XSS}`,
        estimate_number: "EST-0007",
        decision: "rejected",
        amount: "1250.5",
        currency_code: "usd",
        note: `Too dear ${XSS}`,
        admin_url: "https://shop.example.com/app/estimates/est_1",
        ...overrides,
      })

    it("tells the owner who decided what, with the note, escaped", () => {
      const email = decided()
      expect(email.subject).toBe(`Jo ${XSS} rejected estimate EST-0007`)
      expect(email.html).toContain("Jo &lt;script&gt;")
      expect(email.html).not.toContain(XSS)
      expect(email.html).toContain("$1,250.50")
      expect(email.text).toContain("Their note: Too dear")
      expect(email.text).toContain("https://shop.example.com/app/estimates/est_1")
      expect(decided({ decision: "accepted", note: null }).subject).toBe(`Jo ${XSS} approved estimate EST-0007`)
    })
  })

  it("renders a payment receipt", () => {
    const email = renderEmail(
      "payment-receipt",
      {
        customer_first_name: "Jo",
        invoice_number: "INV-0003",
        amount: 59.97,
        currency_code: "usd",
        paid_at: "2026-11-25T10:00:00Z",
        method_label: "Card (online)",
        portal_url: "https://shop.example.com/portal",
      },
      branding
    )
    expect(email.subject).toContain("Receipt for invoice INV-0003")
    expect(email.text).toContain("$59.97")
    expect(email.text).toContain("Card (online)")
    expect(email.html).toContain("November 25, 2026")
  })

  it("renders a deposit receipt", () => {
    const email = renderEmail(
      "deposit-receipt",
      {
        customer_first_name: "Jo",
        estimate_number: "EST-0007",
        amount: 14.99,
        currency_code: "usd",
        paid_at: "2026-11-25T10:00:00Z",
        portal_url: "https://shop.example.com/portal/estimates/est_1",
      },
      branding
    )
    expect(email.subject).toBe("Receipt for your deposit on estimate EST-0007 from Acme Plumbing")
    expect(email.text).toMatch(/Deposit paid: +\$14\.99\n/)
    expect(email.text).toContain("It will count as a payment on the invoice")
    expect(email.html).toContain("November 25, 2026")
  })

  it("lists every invoice one payment was applied to, with what each still asks for, in the customer's language", () => {
    const data = {
      customer_first_name: "Jo",
      amount: "109.97",
      currency_code: "eur",
      paid_at: "2026-11-25T10:00:00Z",
      method_label: "Card (online)",
      method: "stripe",
      invoices: [
        { invoice_number: "INV-0002", amount: 50 },
        { invoice_number: `INV-0003 ${XSS}`, amount: "59.97", still_due: "40.03" },
      ],
      portal_url: "https://shop.example.com/portal/invoices",
    }
    const email = renderEmail("payment-batch-receipt", data, branding)
    expect(email.subject).toBe("Receipt for your payment of 2 invoices from Acme Plumbing")
    expect(email.text).toContain("we received your payment of €109.97")
    expect(email.text).toMatch(/INV-0002: +Applied €50\.00, Paid\n/)
    expect(email.text).toContain("Applied €59.97, Still due €40.03")
    expect(email.html).not.toContain(XSS)
    const es = renderEmail("payment-batch-receipt", { ...data, locale: "es" }, branding)
    expect(es.subject).toBe("Recibo de su pago de 2 facturas de Acme Plumbing")
    expect(es.text).toContain("Pendiente")
    expect(() => renderEmail("payment-batch-receipt", { ...data, invoices: [] }, branding)).toThrow(/invoices must list/)
  })

  it("tells the customer about a refund and what is still due", () => {
    const email = renderEmail(
      "payment-refunded",
      {
        customer_first_name: "Jo",
        invoice_number: "INV-0003",
        amount: 5,
        currency_code: "usd",
        refunded_at: "2026-11-25T10:00:00Z",
        still_due: 5,
        portal_url: "https://shop.example.com/portal/invoices/inv_1",
      },
      branding
    )
    expect(email.subject).toBe("Refund for invoice INV-0003 from Acme Plumbing")
    expect(email.text).toMatch(/Amount refunded: \$5\.00\n/)
    expect(email.text).toMatch(/Still due: +\$5\.00\n/)
    expect(email.html).toContain("November 25, 2026")
  })

  it("confirms a signed approval to the customer with the name, date and fingerprint, escaped", () => {
    const hash = "a".repeat(64)
    const email = renderEmail(
      "estimate-approved",
      {
        customer_first_name: "Jo",
        estimate_number: "EST-0007",
        amount: 980,
        currency_code: "eur",
        signed_name: `Jo ${XSS}`,
        decided_at: "2026-11-25T10:00:00Z",
        document_hash: hash,
        portal_url: "https://shop.example.com/portal/estimates/est_1",
      },
      branding
    )
    expect(email.subject).toBe("You approved estimate EST-0007 from Acme Plumbing")
    expect(email.html).toContain("Jo &lt;script&gt;")
    expect(email.html).not.toContain(XSS)
    expect(email.text).toContain("Approved on: November 25, 2026")
    expect(email.text).toContain(hash)
    expect(email.text).toContain("The approved estimate is attached.")
  })

  it("renders every template it declares", () => {
    expect(EMAIL_TEMPLATES).toEqual(["portal-access", "invoice-sent", "estimate-sent", "estimate-decided", "payment-receipt", "estimate-approved", "payment-refunded", "invoice-reminder", "statement", "deposit-receipt", "payment-batch-receipt"])
    expect(() => renderEmail("nope" as any, {} as any)).toThrow(/unknown template "nope"/)
  })

  describe("invoice-reminder", () => {
    const reminder = (overrides: Partial<Parameters<typeof renderEmail<"invoice-reminder">>[1]> = {}) =>
      renderEmail(
        "invoice-reminder",
        {
          customer_first_name: "Jane",
          invoice_number: "INV-0042",
          amount: "250.10",
          currency_code: "usd",
          due_date: "2026-02-01T00:00:00.000Z",
          days_overdue: 8,
          portal_url: "https://shop.example.com/portal/access/tok?next=%2Fportal%2Finvoices%2Finv_1",
          payment_instructions: `IBAN ${XSS}`,
        ...overrides,
        },
        branding
      )

    it("names the invoice, the amount due, the due date and how overdue it is, and links to paying it", () => {
      const email = reminder()
      expect(email.subject).toBe("Reminder: invoice INV-0042 from Acme Plumbing is 8 days overdue")
      expect(email.text).toContain("invoice INV-0042 from Acme Plumbing was due on February 1, 2026 and is now 8 days overdue.")
      expect(email.text).toMatch(/Amount due: \$250\.10\n/)
      expect(email.text).toContain("Pay invoice:\nhttps://shop.example.com/portal/access/tok?next=%2Fportal%2Finvoices%2Finv_1")
      expect(email.html).toContain('href="https://shop.example.com/portal/access/tok?next=%2Fportal%2Finvoices%2Finv_1"')
      expect(email.html).toContain("IBAN &lt;script&gt;")
      expect(email.html).not.toContain(XSS)
    })

    it("says when it is due for a reminder before the due date", () => {
      const email = reminder({ days_overdue: 0 })
      expect(email.subject).toBe("Reminder: invoice INV-0042 from Acme Plumbing is due on February 1, 2026")
      expect(email.text).toContain("is due on February 1, 2026.")
      expect(email.text).not.toContain("overdue")
      expect(reminder({ days_overdue: 1 }).subject).toMatch(/is 1 day overdue$/)
    })

    it("refuses a missing due date or a bad day count", () => {
      expect(() => reminder({ due_date: "" })).toThrow(/due_date is required/)
      expect(() => reminder({ days_overdue: -1 })).toThrow(/days_overdue/)
    })
  })
})
