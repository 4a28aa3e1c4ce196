import { CATALOGS, type Translate } from "./translate"

/**
 * The portal's refusals in the customer's language. The code that refuses (zod validators,
 * workflow steps, the module, Medusa's own body validator) says it in English, and that English
 * is the `error.*` area of en.json word for word. `localizeMessage` reads an English refusal
 * back against those templates and says the same thing, with the same values, in `t`'s language:
 * one place translates every refusal, the code that refuses stays as it is (English answers stay
 * byte-for-byte what they were), and a refusal no template knows stays English.
 *
 * A value may itself be a message the catalog knows: a field's label ("First name"), a status
 * word ("accepted"), a part of a sentence ("an amount from … to …"), or a list of issues joined
 * with "; " (Medusa's "Invalid request: …"); each is translated the same way.
 */

type Template = { key: string; pattern: RegExp; names: string[]; literal: number }

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g
/** Values matched exactly, not as sentences: field labels and status words. */
const WORD_AREAS = ["label", "word"]
/** A value never goes deeper than this (a list of issues, an issue, its range, a label). */
const MAX_DEPTH = 4

function leaves(tree: Record<string, unknown>, prefix: string): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as Record<string, unknown>, `${prefix}${key}.`)
  )
}

/** A field is a label or a JSON path: never a sentence (so "{{field}} must be …" cannot swallow "Invalid request: x"). */
const FIELD = "[^:;'\"]+?"
const ANY = "[\\s\\S]+?"

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

let compiled: { templates: Template[]; words: Map<string, string> } | null = null

/** The English templates, most specific (most literal text) first, and the words by their English. */
function catalog() {
  if (compiled) {
    return compiled
  }
  const templates: Template[] = []
  const words = new Map<string, string>()
  for (const [key, english] of leaves(CATALOGS.en.error as Record<string, unknown>, "error.")) {
    if (WORD_AREAS.includes(key.split(".")[1])) {
      words.set(english, key)
      continue
    }
    const names: string[] = []
    let source = ""
    let last = 0
    for (const match of english.matchAll(PLACEHOLDER)) {
      source += `${escapeRegExp(english.slice(last, match.index))}(${match[1] === "field" ? FIELD : ANY})`
      names.push(match[1])
      last = match.index! + match[0].length
    }
    source += escapeRegExp(english.slice(last))
    templates.push({ key, pattern: new RegExp(`^${source}$`), names, literal: english.replace(PLACEHOLDER, "").length })
  }
  templates.sort((a, b) => b.literal - a.literal)
  compiled = { templates, words }
  return compiled
}

/** One sentence the catalog knows, in `t`'s language; null when none matches. */
function localizeSentence(message: string, t: Translate, depth: number): string | null {
  const { templates, words } = catalog()
  const word = words.get(message)
  if (word) {
    return t(word)
  }
  for (const template of templates) {
    const match = template.pattern.exec(message)
    if (!match) {
      continue
    }
    const params = Object.fromEntries(
      template.names.map((name, i) => [name, depth < MAX_DEPTH ? localizeText(match[i + 1], t, depth + 1) : match[i + 1]])
    )
    return t(template.key, params)
  }
  return null
}

/**
 * A text that may be several sentences joined with "; " (a sentence may hold "; " itself): the
 * longest run of parts that is a known sentence is translated, an unknown part is kept.
 */
function localizeText(text: string, t: Translate, depth: number): string {
  const whole = localizeSentence(text, t, depth)
  if (whole !== null || !text.includes("; ")) {
    return whole ?? text
  }
  const parts = text.split("; ")
  const out: string[] = []
  for (let i = 0; i < parts.length; ) {
    let said: string | null = null
    let end = i + 1
    for (let j = parts.length; j > i && said === null; j--) {
      said = localizeSentence(parts.slice(i, j).join("; "), t, depth)
      end = j
    }
    out.push(said ?? parts[i])
    i = said === null ? i + 1 : end
  }
  return out.join("; ")
}

/** An English refusal in `t`'s language (unchanged when the catalog does not know it). */
export function localizeMessage(message: string, t: Translate): string {
  return typeof message === "string" && message ? localizeText(message, t, 0) : message
}
