/*
 * pdfkit's built-in Helvetica is a standard (non-embedded) font limited to WinAnsiEncoding
 * (cp1252). pdfkit does not check: a character outside it is written as its raw UTF-16 code and
 * shows up as garbage ("Ł" came out as "ö°"). Every drawn string therefore goes through
 * toWinAnsi(), which degrades text predictably instead:
 *   1. NFC first, so a decomposed "é" (e + U+0301) stays one printable "é";
 *   2. WinAnsi characters pass through unchanged (Latin-1, €, “”, –, —, Œ, Š, Ž, …);
 *   3. letters with no decomposition get their usual ASCII fallback (Ł → L, đ → d, ı → i),
 *      typographic dashes/minus → "-", odd spaces → " ";
 *   4. otherwise the compatibility decomposition without accents, if printable (ő → o, ș → s,
 *      ﬁ → fi, narrow no-break space from Intl → space);
 *   5. invisible format characters (zero-width joiner, BOM) and stray combining marks are
 *      dropped; anything else (Cyrillic, Greek, CJK, emoji) becomes "?".
 * Full Unicode would need an embedded TTF, which this plugin does not ship.
 */

/** Code points above Latin-1 that cp1252 maps into 0x80–0x9F (pdfkit's WIN_ANSI_MAP keys). */
const CP1252_EXTRAS = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018,
  0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac,
  0x2122,
])

const FALLBACKS: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŧ: "T",
  ŧ: "t",
  Ŋ: "N",
  ŋ: "n",
  ĸ: "k",
  ſ: "s",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2015": "\u2014",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u201b": "'",
  "\u201f": '"',
  "\t": " ",
}

function isWinAnsi(codePoint: number): boolean {
  return (
    (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || CP1252_EXTRAS.has(codePoint)
  )
}

function isPrintable(text: string): boolean {
  for (const char of text) {
    if (!isWinAnsi(char.codePointAt(0)!)) {
      return false
    }
  }
  return text.length > 0
}

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{M}]$/u

/** Bounded: a hostile title full of distinct CJK characters must not grow it forever. */
const cache = new Map<string, string>()
const CACHE_LIMIT = 2048

function fallbackFor(char: string): string {
  let replacement = cache.get(char)
  if (replacement === undefined) {
    const stripped = char.normalize("NFKD").replace(/\p{M}/gu, "")
    replacement =
      FALLBACKS[char] ?? (/^\s$/u.test(char) ? " " : isPrintable(stripped) ? stripped : INVISIBLE.test(char) ? "" : "?")
    if (cache.size < CACHE_LIMIT) {
      cache.set(char, replacement)
    }
  }
  return replacement
}

/** The text as Helvetica can print it; keeps "\n" (line breaks in notes and descriptions). */
export function toWinAnsi(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n").normalize("NFC")
  let out = ""
  // for…of walks code points, so an emoji (a surrogate pair) becomes one "?", not two.
  for (const char of normalized) {
    out += char === "\n" || isWinAnsi(char.codePointAt(0)!) ? char : fallbackFor(char)
  }
  return out
}
