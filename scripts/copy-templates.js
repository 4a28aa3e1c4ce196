#!/usr/bin/env node
// `medusa plugin:build` compiles TypeScript only: the nunjucks templates (.njk) that
// src/lib/email/render.ts reads next to itself would be missing from the published package.
// Runs after it (npm run build) and copies src/templates → .medusa/server/src/templates
// (emails/ and pages/, with the pages' static assets).
const fs = require("fs")
const path = require("path")

const ROOT = path.resolve(__dirname, "..")
const SOURCE = path.join(ROOT, "src", "templates")
const TARGET = path.join(ROOT, ".medusa", "server", "src", "templates")

if (!fs.existsSync(path.join(ROOT, ".medusa", "server"))) {
  console.error("[copy-templates] .medusa/server does not exist: run `medusa plugin:build` first")
  process.exit(1)
}

fs.rmSync(TARGET, { recursive: true, force: true })
fs.cpSync(SOURCE, TARGET, {
  recursive: true,
  // Tests that may sit beside the templates do not ship.
  filter: (src) => !/(^|[\\/])(__tests__|\.[^\\/]+)$/.test(path.relative(SOURCE, src)),
})

let count = 0
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(path.join(dir, entry.name))
    else count++
  }
}
walk(TARGET)
console.log(`[copy-templates] ${count} file(s) → ${path.relative(ROOT, TARGET)}`)
