import fs from "fs"
import path from "path"

/**
 * Every word a customer reads in a template comes from the catalogs: what is left of a template
 * once its `{{ … }}` output, `{% … %}` tags, comments and markup are taken out may only be
 * symbols and punctuation. Attributes a reader hears or sees (aria-label, alt, title,
 * placeholder, data-label) count as text.
 */
const TEMPLATES = path.join(__dirname, "..", "..", "..", "templates")

/** Owner-facing (to the business, in the admin's language), not customer-facing. */
const OWNER_TEMPLATES = new Set(["emails/estimate-decided.html.njk", "emails/estimate-decided.text.njk"])

/** What may stand outside `t(...)`: punctuation, symbols and separators, no letters. */
const ALLOWED = /^[\s.,:;·–—()%←→|\-/]*$/

const VISIBLE_ATTRIBUTES = /\s(?:aria-label|alt|title|placeholder|data-label)\s*=\s*"([^"]*)"/g

/** The literal text a reader could see in one template, piece by piece. */
export function literalText(source: string, kind: "html" | "text"): string[] {
  const code = source
    .replace(/\{#[\s\S]*?#\}/g, " ")
    .replace(/\{\{[\s\S]*?\}\}/g, " ")
    .replace(/\{%[\s\S]*?%\}/g, " ")
  if (kind === "text") {
    return [code]
  }
  const withoutBlocks = code.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
  const attributes = [...withoutBlocks.matchAll(VISIBLE_ATTRIBUTES)].map((m) => m[1])
  const text = withoutBlocks
    // Attribute values are markup (a data: icon holds a whole <svg>), the visible ones taken above.
    .replace(/="[^"]*"/g, '=""')
    .replace(/='[^']*'/g, "=''")
    .replace(/<!doctype[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "\n")
    .split("\n")
  return [...attributes, ...text]
}

function templates(dir: string, prefix = ""): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(path.join(dir, entry.name), `${prefix}${entry.name}/`) : entry.name.endsWith(".njk") ? [`${prefix}${entry.name}`] : []
  )
}

describe("customer-facing templates", () => {
  const all = templates(TEMPLATES).filter((name) => !OWNER_TEMPLATES.has(name))

  it("are all scanned", () => {
    expect(all.length).toBeGreaterThan(20)
  })

  it.each(all)("%s prints no words outside the catalogs", (name) => {
    const source = fs.readFileSync(path.join(TEMPLATES, name), "utf8")
    const left = literalText(source, name.endsWith(".text.njk") ? "text" : "html")
      .map((piece) => piece.trim())
      .filter((piece) => !ALLOWED.test(piece))
    expect(left).toEqual([])
  })

  it("catches a word left in a template", () => {
    expect(literalText('<p>{{ t("a.b") }} Hello</p>', "html").map((s) => s.trim()).filter((s) => !ALLOWED.test(s))).toEqual(["Hello"])
    expect(literalText('<nav aria-label="Pages"></nav>', "html").filter((s) => !ALLOWED.test(s.trim()))).toEqual(["Pages"])
    expect(literalText("Amount: {{ amount }}", "text").map((s) => s.trim()).filter((s) => !ALLOWED.test(s))).toEqual(["Amount:"])
  })
})
