// Bulk SQL seed (INSERT … SELECT generate_series, no ORM per row) of the rows the app itself
// writes: Medusa customers with their portal access, and sent / paid / void / draft invoices and
// draft / pending / accepted / rejected estimates whose totals are the sums of their lines,
// rounded per line half away from zero as src/lib/money.ts does. Raw big-number columns hold
// {"value": "<number without trailing zeros>", "precision": 20}, as Medusa's BigNumber writes.
//
// Document numbers n (invoices) and m (estimates) are deterministic, so the seed can grow in
// steps (the scale curve) and every row can be recomputed: see plan() for who owns what.

const CHUNK = 50_000

/** ids of the seeded rows: fixed width, a prefix like the app's, never colliding with generated ids. */
const seededId = (prefix, expr) => `'${prefix}_BENCH' || lpad((${expr})::text, 21, '0')`
const raw = (expr) => `jsonb_build_object('value', trim_scale(${expr})::text, 'precision', 20)`

const TITLES = ["Consulting hour", "Site visit", "Replacement part", "Labour", "Materials", "Travel", "Support plan", "Inspection"]
const FIRST = ["Ada", "Ben", "Chloe", "David", "Emma", "Felix", "Grace", "Hugo", "Iris", "Jonas"]
const LAST = ["Martin", "Nguyen", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga"]
const sqlArray = (items) => `ARRAY[${items.map((t) => `'${t}'`).join(",")}]`

/**
 * Who owns which document. Invoices 1..curve belong to the scale-curve customer (seeded in the
 * first step); the last `bench` invoices of the final step belong to the bench customer, the
 * oldest of them with `pdfLines` lines (the PDF scenario); the rest spread over the seeded
 * customers. Estimates: the last `pending` are the bench customer's, pending and valid (the
 * approve scenario), the `pair` before them the pair customer's, likewise (the approve scenario
 * on a server + worker); the rest spread over the seeded customers.
 */
function invoiceOwner(p) {
  return `CASE WHEN n <= ${p.curveInvoices} THEN '${p.curveCustomerId}'
    WHEN n > ${p.invoices - p.benchInvoices} THEN '${p.benchCustomerId}'
    ELSE ${seededId("cus", `1 + (n::bigint * 7919) % ${p.customers}`)} END`
}

/** 100 000 customers as an admin creates them (no account), each with portal access sent once. */
async function seedCustomers(client, p) {
  await client.query(`
    INSERT INTO customer (id, company_name, first_name, last_name, email, phone, has_account, metadata, created_at, updated_at)
    SELECT ${seededId("cus", "i")},
           CASE WHEN i % 4 = 0 THEN 'Company ' || i ELSE NULL END,
           (${sqlArray(FIRST)})[1 + i % 10], (${sqlArray(LAST)})[1 + (i / 10) % 10],
           'customer' || i || '@bench.example', NULL, false, NULL,
           now() - interval '1100 days' + (i % 1000) * interval '1 day', now() - interval '1100 days' + (i % 1000) * interval '1 day'
      FROM generate_series(1, ${p.customers}) i`)
  await client.query(`
    INSERT INTO portal_access (id, customer_id, enabled, first_sent_at, last_sent_at, last_opened_at, created_at, updated_at)
    SELECT ${seededId("pacc", "i")}, ${seededId("cus", "i")}, true,
           now() - (i % 700 + 30) * interval '1 day', now() - (i % 30) * interval '1 day',
           CASE WHEN i % 3 = 0 THEN now() - (i % 29) * interval '1 day' ELSE NULL END,
           now() - (i % 700 + 30) * interval '1 day', now() - (i % 30) * interval '1 day'
      FROM generate_series(1, ${p.customers}) i`)
}

/**
 * Invoices from..to (inclusive) with their lines, and a bank-transfer payment for each paid one.
 * Per chunk: headers and lines go to temporary tables, then three INSERT … SELECT.
 */
async function seedInvoices(clients, p, from, to) {
  // A step that at least doubles the tables loads faster without the secondary indexes, which are
  // then rebuilt from their own definitions (the usual bulk-load order); a small step keeps them.
  if (to - from + 1 >= from - 1) {
    return withoutSecondaryIndexes(clients, INVOICE_TABLES, () => insertInvoices(clients, p, from, to))
  }
  return insertInvoices(clients, p, from, to)
}

async function insertInvoices(clients, p, from, to) {
  // Chunks are independent: each connection takes the next one (PostgreSQL uses a core per connection).
  let next = from
  const worker = async (client) => {
    while (next <= to) {
      const a = next
      const b = Math.min(to, a + CHUNK - 1)
      next = b + 1
      await seedInvoiceChunk(client, p, a, b)
    }
  }
  await Promise.all(clients.map(worker))
}

async function seedInvoiceChunk(client, p, a, b) {
  const pdfN = p.invoices - p.benchInvoices + 1
  {
    await client.query("BEGIN")
    await client.query(`
      CREATE TEMP TABLE hd ON COMMIT DROP AS
      SELECT n, ${seededId("inv", "n")} AS id, ${invoiceOwner(p)} AS customer_id,
             CASE WHEN n = ${pdfN} THEN 'sent'
                  WHEN h < 3 THEN 'draft' WHEN h < 6 THEN 'void' WHEN h < 60 THEN 'paid' ELSE 'sent' END AS status,
             now() - interval '1095 days' + (n::numeric / ${p.invoices}) * interval '1095 days' AS issue_date,
             CASE WHEN n = ${pdfN} THEN 50 ELSE 3 + (n * 7) % 8 END AS nl
        FROM generate_series(${a}::bigint, ${b}::bigint) n, LATERAL (SELECT (n * 2654435761) % 100 AS h) x`)
    await client.query(`
      CREATE TEMP TABLE lt ON COMMIT DROP AS
      SELECT hd.n, hd.id AS invoice_id, k, q, u, r, s AS sub, round(s * coalesce(r, 0) / 100, 2) AS tax, hd.issue_date
        FROM hd, LATERAL generate_series(0, hd.nl - 1) k,
             LATERAL (SELECT 1 + (hd.n + k * 7) % 4 AS q,
                             (100 + (hd.n * 37 + k * 101) % 49900)::numeric / 100 AS u,
                             CASE WHEN (hd.n + k) % 5 = 0 THEN NULL ELSE 20 END::numeric AS r) v,
             LATERAL (SELECT round(q * u, 2) AS s) w`)
    await client.query(`
      INSERT INTO portal_invoice (id, display_number, customer_id, status, currency_code, issue_date, due_date,
             subtotal, tax_total, total, amount_paid, notes, sent_at, paid_at, voided_at,
             raw_subtotal, raw_tax_total, raw_total, raw_amount_paid, created_at, updated_at)
      SELECT hd.id, CASE WHEN status = 'draft' THEN NULL ELSE 'INV-' || lpad(hd.n::text, greatest(4, length(hd.n::text)), '0') END,
             customer_id, status, 'usd', hd.issue_date, hd.issue_date + interval '30 days',
             g.s, g.t, g.s + g.t, CASE WHEN status = 'paid' THEN g.s + g.t ELSE 0 END,
             CASE WHEN hd.n % 4 = 0 THEN 'Thank you for your business.' ELSE NULL END,
             CASE WHEN status = 'draft' THEN NULL ELSE hd.issue_date + interval '1 hour' END,
             CASE WHEN status = 'paid' THEN hd.issue_date + interval '10 days' END,
             CASE WHEN status = 'void' THEN hd.issue_date + interval '5 days' END,
             ${raw("g.s")}, ${raw("g.t")}, ${raw("g.s + g.t")}, ${raw("CASE WHEN status = 'paid' THEN g.s + g.t ELSE 0 END")},
             hd.issue_date,
             CASE status WHEN 'paid' THEN hd.issue_date + interval '10 days' WHEN 'void' THEN hd.issue_date + interval '5 days'
                         WHEN 'sent' THEN hd.issue_date + interval '1 hour' ELSE hd.issue_date END
        FROM hd JOIN (SELECT n, sum(sub) AS s, sum(tax) AS t FROM lt GROUP BY n) g USING (n)`)
    await client.query(`
      INSERT INTO portal_invoice_line (id, title, description, quantity, unit_price, tax_rate, subtotal, tax_total, total, rank,
             invoice_id, raw_quantity, raw_unit_price, raw_tax_rate, raw_subtotal, raw_tax_total, raw_total, created_at, updated_at)
      SELECT 'invl_BENCH' || lpad(n::text, 18, '0') || lpad(k::text, 3, '0'),
             (${sqlArray(TITLES)})[1 + (n + k) % 8],
             CASE WHEN k % 3 = 0 THEN 'Work order ' || n || '-' || (k + 1) ELSE NULL END,
             q, u, r, sub, tax, sub + tax, k, invoice_id,
             ${raw("q")}, ${raw("u")}, CASE WHEN r IS NULL THEN NULL ELSE ${raw("r")} END,
             ${raw("sub")}, ${raw("tax")}, ${raw("sub + tax")}, issue_date, issue_date
        FROM lt`)
    await client.query(`
      INSERT INTO portal_invoice_payment (id, amount, method, paid_at, reference, payment_id, invoice_id, raw_amount, created_at, updated_at)
      SELECT 'invpay_BENCH' || lpad(n::text, 21, '0'), total, 'bank_transfer', paid_at, 'TRF-' || n, NULL, id, ${raw("total")}, paid_at, paid_at
        FROM portal_invoice JOIN hd USING (id) WHERE portal_invoice.status = 'paid'`)
    await client.query(`
      INSERT INTO portal_sequence (id, name, value) VALUES ('pseq_BENCH_invoice', 'invoice', ${b})
      ON CONFLICT (name) WHERE deleted_at IS NULL DO UPDATE SET value = GREATEST(portal_sequence.value, EXCLUDED.value), updated_at = now()`)
    await client.query("COMMIT")
  }
}

/**
 * Estimates 1..count with lines; the last `pendingEstimates` are the bench customer's, pending, and
 * the `pairEstimates` before them the pair customer's, pending.
 */
async function seedEstimates(clients, p) {
  let next = 1
  const worker = async (client) => {
    while (next <= p.estimates) {
      const a = next
      const b = Math.min(p.estimates, a + CHUNK - 1)
      next = b + 1
      await seedEstimateChunk(client, p, a, b)
    }
  }
  await withoutSecondaryIndexes(clients, ["portal_estimate", "portal_estimate_line"], () => Promise.all(clients.map(worker)))
}

async function seedEstimateChunk(client, p, a, b) {
  const firstPending = p.estimates - p.pendingEstimates - p.pairEstimates + 1
  const benchFrom = p.estimates - p.pendingEstimates + 1
  {
    await client.query("BEGIN")
    await client.query(`
      CREATE TEMP TABLE hd ON COMMIT DROP AS
      SELECT m AS n, ${seededId("est", "m")} AS id,
             CASE WHEN m >= ${benchFrom} THEN '${p.benchCustomerId}' WHEN m >= ${firstPending} THEN '${p.pairCustomerId}'
                  ELSE ${seededId("cus", `1 + (m::bigint * 104729) % ${p.customers}`)} END AS customer_id,
             CASE WHEN m >= ${firstPending} THEN 'sent' WHEN h < 5 THEN 'draft' WHEN h < 40 THEN 'sent' WHEN h < 80 THEN 'accepted' ELSE 'rejected' END AS status,
             CASE WHEN m >= ${firstPending} THEN now() - (${p.estimates} - m) * interval '1 minute'
                  ELSE now() - interval '1095 days' + (m::numeric / ${p.estimates}) * interval '1095 days' END AS issue_date,
             3 + (m * 5) % 8 AS nl
        FROM generate_series(${a}::bigint, ${b}::bigint) m, LATERAL (SELECT (m * 2654435761) % 100 AS h) x`)
    await client.query(`
      CREATE TEMP TABLE lt ON COMMIT DROP AS
      SELECT hd.n, hd.id AS estimate_id, k, q, u, r, s AS sub, round(s * coalesce(r, 0) / 100, 2) AS tax, hd.issue_date
        FROM hd, LATERAL generate_series(0, hd.nl - 1) k,
             LATERAL (SELECT 1 + (hd.n + k * 3) % 5 AS q,
                             (500 + (hd.n * 53 + k * 97) % 99500)::numeric / 100 AS u,
                             CASE WHEN (hd.n + k) % 4 = 0 THEN NULL ELSE 20 END::numeric AS r) v,
             LATERAL (SELECT round(q * u, 2) AS s) w`)
    await client.query(`
      INSERT INTO portal_estimate (id, display_number, customer_id, status, currency_code, issue_date, valid_until,
             subtotal, tax_total, total, notes, sent_at, decided_at, raw_subtotal, raw_tax_total, raw_total, created_at, updated_at)
      SELECT hd.id, CASE WHEN status = 'draft' THEN NULL ELSE 'EST-' || lpad(hd.n::text, greatest(4, length(hd.n::text)), '0') END,
             customer_id, status, 'usd', hd.issue_date,
             CASE WHEN hd.n >= ${firstPending} THEN now() + interval '90 days' ELSE hd.issue_date + interval '30 days' END,
             g.s, g.t, g.s + g.t, CASE WHEN hd.n % 5 = 0 THEN 'Valid for 30 days.' ELSE NULL END,
             CASE WHEN status = 'draft' THEN NULL ELSE hd.issue_date + interval '1 hour' END,
             CASE WHEN status IN ('accepted', 'rejected') THEN hd.issue_date + interval '3 days' END,
             ${raw("g.s")}, ${raw("g.t")}, ${raw("g.s + g.t")}, hd.issue_date,
             CASE WHEN status IN ('accepted', 'rejected') THEN hd.issue_date + interval '3 days'
                  WHEN status = 'sent' THEN hd.issue_date + interval '1 hour' ELSE hd.issue_date END
        FROM hd JOIN (SELECT n, sum(sub) AS s, sum(tax) AS t FROM lt GROUP BY n) g USING (n)`)
    await client.query(`
      INSERT INTO portal_estimate_line (id, title, description, quantity, unit_price, tax_rate, subtotal, tax_total, total, rank,
             estimate_id, raw_quantity, raw_unit_price, raw_tax_rate, raw_subtotal, raw_tax_total, raw_total, created_at, updated_at)
      SELECT 'estl_BENCH' || lpad(n::text, 18, '0') || lpad(k::text, 3, '0'),
             (${sqlArray(TITLES)})[1 + (n + k) % 8], NULL, q, u, r, sub, tax, sub + tax, k, estimate_id,
             ${raw("q")}, ${raw("u")}, CASE WHEN r IS NULL THEN NULL ELSE ${raw("r")} END,
             ${raw("sub")}, ${raw("tax")}, ${raw("sub + tax")}, issue_date, issue_date
        FROM lt`)
    await client.query(`
      INSERT INTO portal_sequence (id, name, value) VALUES ('pseq_BENCH_estimate', 'estimate', ${b})
      ON CONFLICT (name) WHERE deleted_at IS NULL DO UPDATE SET value = GREATEST(portal_sequence.value, EXCLUDED.value), updated_at = now()`)
    await client.query("COMMIT")
  }
}

/**
 * Drops the tables' indexes that back no constraint (the primary keys stay), runs `fn`, and
 * creates them again with the definitions PostgreSQL reported (pg_indexes.indexdef), two at a time.
 */
async function withoutSecondaryIndexes(clients, tables, fn) {
  const { rows } = await clients[0].query(
    `SELECT indexname, indexdef FROM pg_indexes i
      WHERE schemaname = 'public' AND tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [tables]
  )
  for (const { indexname } of rows) {
    await clients[0].query(`DROP INDEX "${indexname}"`)
  }
  try {
    await fn()
  } finally {
    const queue = rows.map((r) => r.indexdef)
    await Promise.all(
      clients.map(async (client) => {
        await client.query("SET maintenance_work_mem = '512MB'")
        while (queue.length) await client.query(queue.shift())
      })
    )
  }
}

const INVOICE_TABLES = ["portal_invoice", "portal_invoice_line", "portal_invoice_payment"]
const OTHER_TABLES = ["customer", "portal_access", "portal_estimate", "portal_estimate_line"]

/** What autovacuum would do after a bulk load: visibility map and statistics for the planner. */
async function vacuumAnalyze(clients, tables) {
  const queue = [...tables]
  await Promise.all(
    clients.map(async (client) => {
      while (queue.length) await client.query(`VACUUM (ANALYZE) ${queue.shift()}`)
    })
  )
}

/** Ids the scenarios need, read back from the seeded rows. */
async function scenarioIds(client, p) {
  const pdfId = (await client.query(`SELECT id FROM portal_invoice WHERE id = ${seededId("inv", p.invoices - p.benchInvoices + 1)}`)).rows[0]?.id
  const detail = (
    await client.query(
      `SELECT id FROM portal_invoice WHERE customer_id = $1 AND status <> 'draft' AND deleted_at IS NULL ORDER BY issue_date DESC LIMIT 1`,
      [p.benchCustomerId]
    )
  ).rows[0]?.id
  const pending = async (customerId) =>
    (
      await client.query(
        `SELECT id FROM portal_estimate WHERE customer_id = $1 AND status = 'sent' AND deleted_at IS NULL ORDER BY issue_date`,
        [customerId]
      )
    ).rows.map((r) => r.id)
  return {
    pdfInvoiceId: pdfId,
    detailInvoiceId: detail,
    pendingEstimateIds: await pending(p.benchCustomerId),
    pairPendingEstimateIds: await pending(p.pairCustomerId),
  }
}

module.exports = { seedCustomers, seedInvoices, seedEstimates, vacuumAnalyze, scenarioIds, INVOICE_TABLES, OTHER_TABLES }
