import type { EmailBranding } from "./templates"

/*
 * The business's branding as emails and PDFs print it. Kept apart from the email renderer (nunjucks,
 * the template files, Medusa's utils) because the PDF worker threads load it too, and a thread
 * should load no more than rendering needs.
 */

export const DEFAULT_BUSINESS_NAME = "Customer portal"
export const DEFAULT_ACCENT_COLOR = "#2563eb"

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/
const EMAIL_ADDRESS = /^[^\s@<>"'()[\],;:\\]+@[^\s@<>"'()[\],;:\\]+\.[^\s@<>"'()[\],;:\\]+$/

export function cleanText(value: unknown): string {
  return typeof value === "string" ? value.replace(/\s+/g, " ").trim() : ""
}

export function httpUrl(value: unknown): string | null {
  if (typeof value !== "string") {
    return null
  }
  try {
    const url = new URL(value.trim())
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null
  } catch {
    return null
  }
}

/** Black or white text, whichever reads better on the accent colour (WCAG relative luminance). */
function textColorOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return luminance > 0.179 ? "#111827" : "#ffffff"
}

export type ResolvedBranding = {
  /** The business name, or "Customer portal". */
  name: string
  /** Whether the owner set a business name (subjects only mention a real one). */
  has_business_name: boolean
  /** http(s) URL or "" (no image). */
  logo_url: string
  /** Always `#rrggbb`: it lands in a style attribute, where escaping alone is not enough. */
  accent_color: string
  /** Text colour readable on the accent colour. */
  accent_text_color: string
  /** An address or "" (no footer line). */
  support_email: string
}

export function resolveBranding(branding: EmailBranding | null | undefined): ResolvedBranding {
  const businessName = cleanText(branding?.business_name)
  const accent =
    typeof branding?.accent_color === "string" && HEX_COLOR.test(branding.accent_color.trim())
      ? branding.accent_color.trim().toLowerCase()
      : DEFAULT_ACCENT_COLOR
  const supportEmail = cleanText(branding?.support_email)
  return {
    name: businessName || DEFAULT_BUSINESS_NAME,
    has_business_name: businessName.length > 0,
    logo_url: httpUrl(branding?.logo_url) ?? "",
    accent_color: accent,
    accent_text_color: textColorOn(accent),
    support_email: EMAIL_ADDRESS.test(supportEmail) ? supportEmail : "",
  }
}
