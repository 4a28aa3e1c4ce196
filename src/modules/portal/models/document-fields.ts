import { model } from "@medusajs/framework/utils"

/**
 * Columns shared by invoice and estimate lines. A factory, because each model needs its own
 * property instances.
 */
export const documentLineProperties = () => ({
  /** What was sold, as the customer reads it. */
  title: model.text(),
  /** Optional detail shown under the title. */
  description: model.text().nullable(),
  /** Units sold; may be fractional (hours). Always > 0. */
  quantity: model.bigNumber(),
  /** Price of one unit in major units of the document currency, before tax. */
  unit_price: model.bigNumber(),
  /** Tax percentage applied to this line (20 = 20 %); null means untaxed. */
  tax_rate: model.bigNumber().nullable(),
  /** quantity × unit_price, computed on the server. */
  subtotal: model.bigNumber(),
  /** Tax of this line, rounded to the currency's precision. */
  tax_total: model.bigNumber(),
  /** subtotal + tax_total. */
  total: model.bigNumber(),
  /** Position of the line in the document. */
  rank: model.number().default(0),
})

/** Totals shared by invoices and estimates, recomputed by the service whenever lines change. */
export const documentTotalsProperties = () => ({
  subtotal: model.bigNumber().default(0),
  tax_total: model.bigNumber().default(0),
  total: model.bigNumber().default(0),
})

/** Non-negative amounts and positive quantities, enforced by the database as a last line. */
export const lineChecks = (table: string) => [
  { name: `${table}_quantity_positive`, expression: (columns: Record<string, string>) => `${columns.quantity} > 0` },
  { name: `${table}_unit_price_not_negative`, expression: (columns: Record<string, string>) => `${columns.unit_price} >= 0` },
]
