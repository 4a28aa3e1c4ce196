/**
 * A form or query value as text: only a string counts. Bodies and queries can carry arrays and
 * objects (`a[toString]=…`), and `String()` on those can throw or lie.
 */
export function formText(value: unknown): string {
  return typeof value === "string" ? value : ""
}
