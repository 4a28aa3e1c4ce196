/**
 * The owner's accent colour, made readable (WCAG 2 contrast): one home for the portal pages and
 * the emails. An owner may pick a light accent (#fde047): white text on it, or yellow links on
 * white, would be unreadable, so the text on the accent and the accent used as text are computed.
 */
export const DEFAULT_ACCENT_COLOR = "#2563eb"

/** Normal-size text needs 4.5:1 (WCAG 2 AA, 1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
const WHITE = "#ffffff"
/** The portal's and the emails' ink. */
const INK = "#111827"
const BLACK = "#000000"
/**
 * The darkest light surface the accent is used on as text (the page background, under the
 * footer's link); white cards are lighter, so passing here passes there.
 */
const LIGHT_SURFACE = "#f9fafb"

/** `#rrggbb` for a valid colour (lower case), otherwise the default accent. */
export function normalizeAccent(value: unknown): string {
  return typeof value === "string" && HEX_COLOUR.test(value.trim()) ? value.trim().toLowerCase() : DEFAULT_ACCENT_COLOR
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/**
 * Text on an accent-coloured fill (buttons): white when it reaches 4.5:1, else the ink, else
 * black (which always does when white does not).
 */
export function textOnAccent(accent: string): string {
  const fill = normalizeAccent(accent)
  return [WHITE, INK].find((text) => contrastRatio(fill, text) >= MIN_TEXT_CONTRAST) ?? BLACK
}

const hex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`

/**
 * The accent as text and lines on the light page (links, outlined buttons, focus rings): the
 * accent itself when it reaches 4.5:1 there, otherwise the accent darkened (same hue) until it does.
 */
export function accentOnLight(accent: string): string {
  const colour = normalizeAccent(accent)
  const rgb = channels(colour)
  for (let step = 0; step <= 20; step++) {
    const candidate = hex(rgb.map((c) => c * (1 - step / 20)))
    if (contrastRatio(candidate, LIGHT_SURFACE) >= MIN_TEXT_CONTRAST) {
      return candidate
    }
  }
  return BLACK
}

export type AccentPalette = {
  /** The owner's colour, `#rrggbb`: fills (buttons, the favicon). */
  accent_color: string
  /** Text on an accent fill. */
  accent_text_color: string
  /** The accent as text or lines on the light page. */
  accent_ink_color: string
}

/** The three colours pages and emails draw with, from the owner's setting (any value). */
export function accentPalette(value: unknown): AccentPalette {
  const accent = normalizeAccent(value)
  return { accent_color: accent, accent_text_color: textOnAccent(accent), accent_ink_color: accentOnLight(accent) }
}
