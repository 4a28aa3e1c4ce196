import { computeDocumentAmounts } from "../money"
import { orderToInvoiceLines } from "../order-to-invoice"

describe("orderToInvoiceLines", () => {
  const order = {
    id: "order_1",
    currency_code: "usd",
    items: [
      { title: "T-shirt", product_title: "Medusa T-shirt", variant_title: "L / Black", quantity: 2, unit_price: 19.99, tax_lines: [{ rate: 10 }] },
      { title: "Mug", quantity: 3, unit_price: 8, tax_lines: [{ rate: 5 }, { rate: 2.5 }], adjustments: [{ amount: 4 }] },
    ],
    shipping_methods: [{ name: "Standard", amount: 5, tax_lines: [] }],
  }

  it("makes one line per item and shipping method with their tax rates", () => {
    const lines = orderToInvoiceLines(order)
    expect(lines).toEqual([
      { title: "Medusa T-shirt", description: "L / Black", quantity: 2, unit_price: 19.99, tax_rate: 10 },
      { title: "Mug", description: "3 × 8 less 4 discount", quantity: 1, unit_price: 20, tax_rate: 7.5 },
      { title: "Shipping: Standard", description: null, quantity: 1, unit_price: 5, tax_rate: null },
    ])
  })

  it("totals what the order charged: discounts taken off before tax", () => {
    const totals = computeDocumentAmounts(orderToInvoiceLines(order), "usd")
    // 39.98 + 4.00 tax, 20.00 + 1.50 tax, 5.00
    expect(totals.total.numeric).toBe(70.48)
  })

  it("keeps tax-inclusive prices whole instead of taxing them twice", () => {
    const [line] = orderToInvoiceLines({
      id: "order_2",
      currency_code: "eur",
      items: [{ title: "Book", quantity: 1, unit_price: 12, is_tax_inclusive: true, tax_lines: [{ rate: 7 }] }],
    })
    expect(line).toEqual(expect.objectContaining({ unit_price: 12, tax_rate: null, description: "price includes tax" }))
  })
})
