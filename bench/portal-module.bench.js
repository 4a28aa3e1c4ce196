// Runs every Portal module benchmark against one booted module and prints a table per benchmark.
// Returns false when a correctness check inside a benchmark failed.
const { performance } = require("perf_hooks")
const { bootPortalModule } = require("./portal-app")
const { benchTotals } = require("./totals.bench")
const { benchNumbering } = require("./numbering.bench")
const { benchDraftInvoice } = require("./draft-invoice.bench")
const { benchListing } = require("./listing.bench")
const { benchTokenCheck } = require("./token-check.bench")
const { memoryReport } = require("./memory")
const { printTable } = require("./table")

function report(title, { rows = [], notes = [] }) {
  if (rows.length) {
    printTable(title, rows)
  } else {
    console.log(`\n## ${title}`)
  }
  for (const note of notes) {
    console.log(note)
  }
}

async function runPortalBenchmarks({ clientUrl }) {
  const started = performance.now()
  report("1. Totals (pure, no database)", await benchTotals())

  const bootStart = performance.now()
  const app = await bootPortalModule({ clientUrl })
  console.log(
    `\n[bench] Portal module booted and migrated in ${Math.round(performance.now() - bootStart)} ms ` +
      `(knex pool max ${app.poolMax})`
  )
  let ok = true
  try {
    const numbering = await benchNumbering(app.service)
    report(`2. Display numbers (pool max ${app.poolMax} connections)`, numbering)
    ok = ok && numbering.ok

    report("3. Draft invoices", await benchDraftInvoice(app.service))

    const listing = await benchListing(app.service, app.knex)
    report("4. Invoice list (10 000 invoices, 200 customers)", listing)
    if (!listing.ok) {
      console.log("[bench] WARNING: the list query does not use its composite index")
    }

    report("5. Magic-link checks (timing must not tell token kinds apart)", await benchTokenCheck(app.service))
  } finally {
    await app.shutdown()
  }

  report("6. Memory (end of run)", { notes: memoryReport() })
  console.log(`\n[bench] total ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return ok
}

module.exports = { runPortalBenchmarks }
