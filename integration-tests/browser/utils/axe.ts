/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser: they use DOM globals.
import fs from "fs"
import type { Page } from "playwright-core"

/** Impacts that fail a suite; "minor" and "moderate" findings are not asserted (issue 13, item 7). */
const BLOCKING = new Set(["serious", "critical"])

let source: string | undefined
/** axe-core's browser build, read once from the installed package. */
const axeSource = () => (source ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"))

export type AxeFinding = { rule: string; impact: string; help: string; targets: string[] }

/**
 * Runs axe-core in the page and returns its serious and critical violations, one line per rule:
 * `rule (impact): help — target, target`. `scope` limits the run to one element (a CSS selector),
 * for screens where only our part of the page is ours to fix.
 */
export async function axeViolations(page: Page, scope?: string): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as any).axe === "object"))) {
    // Evaluated, not added as a <script>: the portal's Content-Security-Policy refuses inline scripts.
    await page.evaluate(`${axeSource()}\n;void 0`)
  }
  const findings: AxeFinding[] = await page.evaluate(async (selector) => {
    const axe = (window as any).axe
    const context = selector ? { include: [selector] } : document
    const result = await axe.run(context, { resultTypes: ["violations"] })
    return result.violations.map((v: any) => ({
      rule: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      targets: v.nodes.map((node: any) => node.target.join(" ")),
    }))
  }, scope ?? null)
  return findings
    .filter((finding) => BLOCKING.has(finding.impact))
    .map((finding) => `${finding.rule} (${finding.impact}): ${finding.help} — ${finding.targets.join(", ")}`)
}

/**
 * Fails when axe finds a serious or critical violation on the current page; the message names the
 * screen, each rule id, its impact and the offending elements' selectors.
 */
export async function expectAccessible(page: Page, where: string, scope?: string) {
  const violations = await axeViolations(page, scope)
  if (violations.length) {
    throw new Error(`axe: ${violations.length} serious or critical violation(s) on ${where}:\n  ${violations.join("\n  ")}`)
  }
}
