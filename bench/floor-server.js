#!/usr/bin/env node
// The floor row: a bare Node `http` + `pg` server doing one indexed lookup per request (one
// invoice by id and customer, the primary key plus a filter), answering JSON. Nothing a framework
// adds: no auth, no validation, no container. What Medusa + the portal cost is the distance to it.
// Env: FLOOR_DATABASE_URL, FLOOR_PORT, FLOOR_CUSTOMER_ID. Prints "listening <port>" when ready.
const http = require("http")
const { Pool } = require("pg")

// The pool size of Medusa's knex default (max 10), so both sides get the same database slots.
const pool = new Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 })
const customerId = process.env.FLOOR_CUSTOMER_ID
const SQL = `SELECT id, display_number, status, currency_code, issue_date, due_date, subtotal, tax_total, total, amount_paid
               FROM portal_invoice WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL`

const server = http.createServer(async (req, res) => {
  const match = /^\/invoices\/([^/?]+)/.exec(req.url)
  if (!match) {
    res.writeHead(404).end()
    return
  }
  try {
    const { rows } = await pool.query({ name: "floor-invoice", text: SQL, values: [decodeURIComponent(match[1]), customerId] })
    if (!rows.length) {
      res.writeHead(404).end()
      return
    }
    const body = JSON.stringify({ invoice: rows[0] })
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) })
    res.end(body)
  } catch (e) {
    res.writeHead(500).end(String(e.message))
  }
})

server.listen(Number(process.env.FLOOR_PORT), "127.0.0.1", () => console.log(`listening ${server.address().port}`))
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => server.close(() => pool.end().then(() => process.exit(0))))
}
