/** Zero-padded display number: ("INV-", 7) → "INV-0007"; numbers past 9999 simply grow. */
export function formatDisplayNumber(prefix: string, value: number, width = 4) {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Error(`A display number must be a positive integer, got ${value}`)
  }
  return `${prefix}${String(value).padStart(width, "0")}`
}
