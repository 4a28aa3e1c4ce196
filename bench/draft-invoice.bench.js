// 3. createDraftInvoice with 5 lines: validation, totals, one transaction with two inserts,
// then the re-read with its lines that the method returns.
const { measureSequential } = require("./stats")

const LINES = [
  { title: "Gutter cleaning", quantity: 3, unit_price: 19.99, tax_rate: 20 },
  { title: "Labour (hours)", quantity: "1.25", unit_price: "45.50", tax_rate: "8.875" },
  { title: "Materials", description: "Brackets and sealant", quantity: 12, unit_price: "2.35" },
  { title: "Call-out fee", quantity: 1, unit_price: 35, tax_rate: 0 },
  { title: "Disposal", quantity: 2, unit_price: "12.5", tax_rate: "5.5" },
]

async function benchDraftInvoice(service) {
  let lastTotal = null
  const row = await measureSequential(
    "createDraftInvoice, 5 lines",
    async (i) => {
      const invoice = await service.createDraftInvoice({
        customer_id: `cus_bench_draft_${i % 50}`,
        currency_code: "usd",
        lines: LINES,
      })
      lastTotal = invoice.total
    },
    { iterations: 400, warmup: 10, budgetMs: 25_000 }
  )
  return { rows: [row], notes: [`stored total of each invoice: ${lastTotal} usd`] }
}

module.exports = { benchDraftInvoice }
