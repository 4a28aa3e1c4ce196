import fs from "fs"
import path from "path"

const SRC = path.resolve(__dirname, "../../..")
const REPOSITORY = path.resolve(__dirname, "../repositories/portal-sql.ts")
const STATUS = path.resolve(SRC, "lib/status.ts")

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return ["__tests__", "migrations", "admin"].includes(entry.name) ? [] : sourceFiles(full)
    }
    return entry.name.endsWith(".ts") ? [full] : []
  })
}

describe("raw SQL", () => {
  it("lives only in the Portal repository", () => {
    const outside = sourceFiles(SRC).filter(
      (file) => file !== REPOSITORY && /\b(manager|em|knex)\b[^\n]*\.(execute|raw)\(|getKnex\(/.test(fs.readFileSync(file, "utf8"))
    )
    expect(outside.map((f) => path.relative(SRC, f))).toEqual([])
  })

  it("is literal text with bound values: the only interpolations are the file's own constant SQL fragments", () => {
    const text = fs.readFileSync(REPOSITORY, "utf8")
    const interpolations = new Set([...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]))
    expect([...interpolations].sort()).toEqual(["DECISION_COLUMNS", "INVOICE_OVERDUE_SQL", "LINE_JSON"])
    // Each is a module-level constant (here or the shared overdue condition of lib/status.ts)
    // whose literal itself interpolates nothing.
    const definitions = text + fs.readFileSync(STATUS, "utf8")
    for (const name of interpolations) {
      const definition = new RegExp(`^(?:export )?const ${name} = (?:"([^"]*)"|\`([^\`]*)\`)`, "m").exec(definitions)
      expect(definition).not.toBeNull()
      expect(definition![1] ?? definition![2]).not.toContain("${")
    }
  })
})
