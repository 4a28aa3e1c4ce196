const invoiceListFields = [
  "id",
  "display_number",
  "customer_id",
  "status",
  "currency_code",
  "issue_date",
  "due_date",
  "subtotal",
  "tax_total",
  "total",
  "amount_paid",
  "sent_at",
  "paid_at",
  "voided_at",
  "estimate_id",
  "order_id",
  "created_at",
  "updated_at",
]

export const adminInvoiceFields = [
  ...invoiceListFields,
  "notes",
  "internal_note",
  "metadata",
  "allow_partial_payments",
  "partial_payment_minimum",
  "*lines",
  "*payments",
]

export const retrieveInvoiceQueryConfig = {
  defaults: adminInvoiceFields,
  isList: false,
}

export const listInvoicesQueryConfig = {
  defaults: invoiceListFields,
  defaultLimit: 20,
  isList: true,
}
