import { accentPalette } from "../accent"
import type { EmailBranding } from "./templates"

/*
 * The business's branding as emails and PDFs print it. Kept apart from the email renderer (nunjucks,
 * the template files, Medusa's utils) because the PDF worker threads load it too, and a thread
 * should load no more than rendering needs.
 */

export const DEFAULT_BUSINESS_NAME = "Customer portal"
export { DEFAULT_ACCENT_COLOR } from "../accent"

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
  const { accent_color, accent_text_color } = accentPalette(branding?.accent_color)
  const supportEmail = cleanText(branding?.support_email)
  return {
    name: businessName || DEFAULT_BUSINESS_NAME,
    has_business_name: businessName.length > 0,
    logo_url: httpUrl(branding?.logo_url) ?? "",
    accent_color,
    accent_text_color,
    support_email: EMAIL_ADDRESS.test(supportEmail) ? supportEmail : "",
  }
}
