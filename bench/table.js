// Fixed-width tables for the benchmark report.
const COLUMNS = [
  { key: "name", title: "benchmark", align: "left" },
  { key: "n", title: "n", align: "right" },
  { key: "opsPerSec", title: "ops/s", align: "right" },
  { key: "p50", title: "p50 ms", align: "right" },
  { key: "p99", title: "p99 ms", align: "right" },
]

function formatCell(key, value) {
  if (typeof value !== "number") {
    return String(value)
  }
  if (key === "n") {
    return String(value)
  }
  if (key === "opsPerSec") {
    return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1)
  }
  // Latencies: sub-millisecond values need more digits to say anything.
  return value < 1 ? value.toFixed(4) : value.toFixed(2)
}

function printTable(title, rows) {
  const cells = rows.map((row) => COLUMNS.map((c) => formatCell(c.key, row[c.key])))
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)))
  const line = (values) =>
    values.map((v, i) => (COLUMNS[i].align === "left" ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ")
  console.log(`\n## ${title}`)
  console.log(line(COLUMNS.map((c) => c.title)))
  console.log(widths.map((w) => "-".repeat(w)).join("  "))
  for (const r of cells) {
    console.log(line(r))
  }
}

module.exports = { printTable }
