import { MedusaError } from "@medusajs/framework/utils"

/**
 * The documents' state machines, in one place, so workflows, routes and the service agree:
 *   invoice:  draft → sent → paid | void
 *   estimate: draft → sent → accepted | rejected (a rejected one may be revised into a new draft)
 * Repeating a transition that already happened (send a sent document, void a void invoice) is
 * allowed where it is harmless; the caller decides what "again" means (a resend, a no-op).
 */
export const INVOICE_ACTIONS = {
  edit: ["draft"],
  delete: ["draft"],
  send: ["draft", "sent"],
  void: ["sent", "void"],
  pay: ["sent"],
  payment_options: ["draft", "sent"],
  refund: ["sent", "paid"],
} as const

export const ESTIMATE_ACTIONS = {
  edit: ["draft"],
  delete: ["draft"],
  send: ["draft", "sent"],
  decide: ["sent", "accepted", "rejected"],
  convert: ["accepted"],
  /** Re-open as a new draft version (EST-0007-2): only what the customer turned down. */
  revise: ["rejected"],
  /** Set or change the deposit (issue #15): only before the customer decides. */
  deposit: ["draft", "sent"],
} as const

type Doc = { id: string; status: string; display_number?: string | null }

const HINTS: Record<string, Record<string, string>> = {
  invoice: {
    edit: "only drafts can be edited",
    delete: "only drafts can be deleted; void a sent invoice instead",
    send: "it cannot be sent again",
    "void:draft": "delete a draft instead of voiding it",
    void: "it cannot be voided",
    "pay:draft": "send it before recording a payment",
    "pay:paid": "it is already paid",
    pay: "it cannot be paid",
    payment_options: "it has nothing left to pay",
    "refund:draft": "it has no payments",
    refund: "its payments cannot be refunded here; refund them from the Stripe dashboard",
  },
  estimate: {
    edit: "only drafts can be edited",
    delete: "only drafts can be deleted",
    send: "it cannot be sent again",
    "decide:draft": "it has not been sent yet",
    convert: "only an accepted estimate can be converted into an invoice",
    "revise:draft": "edit the draft instead; only a rejected estimate can be revised",
    "revise:sent": "only a rejected estimate can be revised; wait for the customer's decision, or create a new estimate",
    "revise:accepted": "the customer approved it, so it stays as signed; convert it into an invoice, or create a new estimate",
    revise: "only a rejected estimate can be revised",
    deposit: "its deposit can only be set before the customer decides",
  },
}

export function documentLabel(kind: "invoice" | "estimate", doc: Doc) {
  const name = kind === "invoice" ? "Invoice" : "Estimate"
  return `${name} ${doc.display_number ?? doc.id}`
}

/** Throws a 409 (CONFLICT) naming the document's current state when `action` is not allowed. */
export function assertAction<A extends string>(
  kind: "invoice" | "estimate",
  actions: Record<A, readonly string[]>,
  action: A,
  doc: Doc
) {
  if (actions[action].includes(doc.status)) {
    return
  }
  const hint = HINTS[kind][`${action}:${doc.status}`] ?? HINTS[kind][action] ?? `it cannot be ${action}ed`
  throw new MedusaError(MedusaError.Types.CONFLICT, `${documentLabel(kind, doc)} is ${doc.status}; ${hint}`)
}
