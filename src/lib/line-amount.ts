/**
 * What a document line's "Amount" means wherever it is shown — the admin, the portal pages, the
 * PDFs and the storefront JSON: quantity × unit price, before tax (the line's `subtotal`). A line's
 * tax is shown as its rate and the document's tax as one total, so the amounts add up to the
 * Subtotal row above Tax and Total. Kept free of imports so the admin bundle can use it.
 */
export const LINE_AMOUNT_LABEL = "Amount (excl. tax)"

export function lineAmount<T>(line: { subtotal: T }): T {
  return line.subtotal
}
