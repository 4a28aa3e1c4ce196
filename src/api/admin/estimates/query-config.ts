const estimateListFields = [
  "id",
  "display_number",
  "customer_id",
  "status",
  "currency_code",
  "issue_date",
  "valid_until",
  "subtotal",
  "tax_total",
  "total",
  "sent_at",
  "decided_at",
  "decision_note",
  "invoice_id",
  "revision_of_id",
  "revision",
  "created_at",
  "updated_at",
]

/** The deposit (issue #15): what the owner asked and what the customer paid of it. */
const estimateDepositFields = ["deposit_type", "deposit_value", "deposit_paid", "deposit_payment_id", "deposit_paid_at"]

export const adminEstimateFields = [...estimateListFields, "notes", "internal_note", "metadata", ...estimateDepositFields, "*lines"]

export const retrieveEstimateQueryConfig = {
  defaults: adminEstimateFields,
  isList: false,
}

export const listEstimatesQueryConfig = {
  defaults: estimateListFields,
  defaultLimit: 20,
  isList: true,
}
