// 1. Pure totals: computeDocumentAmounts (src/lib/money.ts) on a 20-line document, no database.
const { measureSync } = require("./stats")

/** 20 lines as the service passes them: decimal strings, fractional hours, mixed tax rates. */
function twentyLines() {
  const rates = [null, "0", "5.5", "20", "8.875"]
  return Array.from({ length: 20 }, (_, i) => ({
    title: `Line ${i + 1}`,
    quantity: i % 3 === 0 ? "1.25" : String(i + 1),
    unit_price: (19.99 + i * 7.33).toFixed(2),
    tax_rate: rates[i % rates.length],
    rank: i,
  }))
}

async function benchTotals() {
  const { computeDocumentAmounts } = require("../src/lib/money")
  const lines = twentyLines()
  let sink = null // keeps the result alive so the call cannot be optimised away
  const row = await measureSync("computeDocumentAmounts, 20 lines (usd)", () => (sink = computeDocumentAmounts(lines, "usd")), {
    iterations: 5_000,
    warmup: 500,
  })
  return { rows: [row], notes: [`document total of the sample: ${sink.total.numeric} usd`] }
}

module.exports = { benchTotals }
