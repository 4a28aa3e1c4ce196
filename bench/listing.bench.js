// 4. The portal's invoice list: one customer's sent invoices, newest first, page of 20, on a
// table of 10 000 invoices for 200 customers. Also checks the query plan uses the composite
// index the model declares for exactly this query.
const { performance } = require("perf_hooks")
const { measureSequential } = require("./stats")
const { createRandom } = require("./random")

const INVOICES = 10_000
const CUSTOMERS = 200
const BATCH = 500
const QUERIES = 500
const INDEX = "IDX_invoice_customer_status_issue_date"
const DAY_MS = 86_400_000

const customerId = (i) => `cus_bench_${String(i).padStart(3, "0")}`

/** Weighted like a real ledger: most invoices paid or outstanding, a few drafts and voids. */
function pickStatus(rnd) {
  const r = rnd.next()
  return r < 0.45 ? "paid" : r < 0.85 ? "sent" : r < 0.95 ? "draft" : "void"
}

async function seedInvoices(service, rnd) {
  const now = Date.now()
  const start = performance.now()
  for (let done = 0; done < INVOICES; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, INVOICES - done) }, () => {
      const issue = new Date(now - rnd.int(730) * DAY_MS)
      return {
        customer_id: customerId(rnd.int(CUSTOMERS)),
        currency_code: "usd",
        status: pickStatus(rnd),
        issue_date: issue,
        due_date: new Date(issue.getTime() + 30 * DAY_MS),
        subtotal: 100,
        tax_total: 20,
        total: 120,
      }
    })
    await service.createPortalInvoices(batch)
  }
  return performance.now() - start
}

/** The SQL the service really sends for one list call, caught from the shared knex connection. */
async function captureListSql(service, knex, filters, config) {
  const seen = []
  const onQuery = (q) => seen.push(q)
  knex.on("query", onQuery)
  try {
    await service.listAndCountPortalInvoices(filters, config)
  } finally {
    knex.removeListener("query", onQuery)
  }
  return seen.filter((q) => /from "portal_invoice"/i.test(q.sql))
}

async function explain(knex, query) {
  const result = await knex.raw(`EXPLAIN (ANALYZE, COSTS OFF) ${query.sql}`, query.bindings ?? [])
  return result.rows.map((r) => r["QUERY PLAN"])
}

async function benchListing(service, knex) {
  const rnd = createRandom(7)
  const seedMs = await seedInvoices(service, rnd)
  // Fresh statistics, as autovacuum would eventually gather; without them the planner guesses.
  await knex.raw("ANALYZE portal_invoice")

  const config = { take: 20, skip: 0, order: { issue_date: "DESC" } }
  let rowsSeen = 0
  const row = await measureSequential(
    "listAndCountPortalInvoices(customer, sent) take 20",
    async () => {
      const [page, count] = await service.listAndCountPortalInvoices({ customer_id: customerId(rnd.int(CUSTOMERS)), status: "sent" }, config)
      rowsSeen += page.length
      if (page.length > count) {
        throw new Error(`page of ${page.length} larger than count ${count}`)
      }
    },
    { iterations: QUERIES, warmup: 20, budgetMs: 20_000 }
  )

  const notes = [
    `seeded ${INVOICES} invoices for ${CUSTOMERS} customers with service.createPortalInvoices in batches of ${BATCH}: ` +
      `${(seedMs / 1000).toFixed(2)} s (${Math.round(INVOICES / (seedMs / 1000))} invoices/s)`,
    `average page size: ${(rowsSeen / row.n).toFixed(1)} rows`,
  ]
  const queries = await captureListSql(service, knex, { customer_id: customerId(0), status: "sent" }, config)
  let indexUsed = true
  for (const query of queries) {
    const plan = await explain(knex, query)
    const usesIndex = plan.some((l) => l.includes(INDEX))
    indexUsed = indexUsed && usesIndex
    notes.push("", `SQL: ${query.sql}`, ...plan.map((l) => `  ${l}`), `→ index scan on ${INDEX}: ${usesIndex ? "yes" : "NO"}`)
  }
  if (!queries.length) {
    notes.push("could not capture the list SQL from the knex connection; no EXPLAIN")
    indexUsed = false
  }
  return { rows: [row], notes, ok: indexUsed }
}

module.exports = { benchListing }
