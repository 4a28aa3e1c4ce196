import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { batchAmountDue, oldestFirst } from "../../../lib/batch-allocation"
import { isKnownCurrency } from "../../../lib/money"
import { amountDue, whyNotPayable } from "../../../lib/payable"
import { PORTAL_MODULE } from "../../../modules/portal"
import { InvoiceStatus } from "../../../modules/portal/constants"
import type PortalModuleService from "../../../modules/portal/service"
import type { ModuleInvoice } from "../../../types/module"
import { isStripeRegistered } from "../utils/stripe-provider"

export type ValidateBatchPayableInput = {
  customer_id: string
  /** Required for every open invoice; for a chosen set, the invoices' own when left out. */
  currency_code?: string
  /** A chosen set; absent: every open invoice of the customer in that currency. */
  invoice_ids?: string[]
}

export type BatchInvoice = {
  id: string
  display_number: string | null
  due_date: Date | null
  issue_date: Date
  amount_due: number
}

export type PayableBatch = {
  customer_id: string
  currency_code: string
  /** The sum of the invoices' amounts due, computed here, never taken from the request. */
  amount: number
  /** Oldest first: the order the payment settles them in. */
  invoices: BatchInvoice[]
}

const refuse = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/**
 * "Pay several invoices at once" starts only for the customer's own invoices, all in the chosen
 * currency (one payment is one currency) and each with something left to pay, when the owner
 * takes online payments and Stripe is set up. Another customer's invoice is not found, like a
 * missing one. Each refusal says what to do; nothing is created before this step passes.
 */
export const validateBatchPayableStep = createStep(
  "validate-batch-payable",
  async (input: ValidateBatchPayableInput, { container }) => {
    const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)
    // Ids first: another customer's invoice is not found (404), exactly like a missing one,
    // whatever else would be refused.
    const chosen: ModuleInvoice[] = []
    for (const id of input.invoice_ids ? [...new Set(input.invoice_ids)] : []) {
      chosen.push((await portal.retrieveCustomerInvoice(input.customer_id, id)) as unknown as ModuleInvoice)
    }
    const settings = await portal.retrieveSettings()
    const reason = whyNotPayable({ status: "sent", total: 1, amount_paid: 0 }, {
      allow_payments: settings.allow_payments,
      stripe_ready: await isStripeRegistered(container),
    })
    if (reason === "payments_off") {
      throw refuse("Online payment is not offered by this business")
    }
    if (reason) {
      throw refuse("Online payment is not set up for this business yet")
    }
    // A chosen set names its currency itself; "all open invoices" needs one.
    const requested = input.currency_code ?? chosen[0]?.currency_code
    if (requested === undefined) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'currency_code is required to pay every open invoice: say which currency, like "eur"')
    }
    if (!isKnownCurrency(requested)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `currency_code must be an ISO 4217 code such as "eur", got ${JSON.stringify(requested)}`)
    }
    const currency = requested.toLowerCase()
    const code = currency.toUpperCase()

    let invoices: ModuleInvoice[]
    if (input.invoice_ids) {
      for (const invoice of chosen) {
        const number = invoice.display_number ?? invoice.id
        if (invoice.currency_code.toLowerCase() !== currency) {
          throw refuse(`Invoice ${number} is in ${invoice.currency_code.toUpperCase()}: pay invoices of one currency at a time, or choose ${invoice.currency_code.toUpperCase()}`)
        }
        if (!MathBN.gt(amountDue(invoice as never), 0)) {
          throw refuse(`Invoice ${number} has nothing left to pay: leave it out of the payment`)
        }
      }
      invoices = chosen
    } else {
      invoices = (
        (await portal.listPortalInvoices({ customer_id: input.customer_id, status: InvoiceStatus.SENT, currency_code: currency })) as unknown as ModuleInvoice[]
      ).filter((invoice) => MathBN.gt(amountDue(invoice as never), 0))
      if (!invoices.length) {
        throw refuse(`You have no open invoices in ${code} to pay`)
      }
    }

    const rows = oldestFirst(
      invoices.map((invoice) => ({
        id: invoice.id,
        display_number: invoice.display_number ?? null,
        due_date: invoice.due_date ? new Date(invoice.due_date) : null,
        issue_date: new Date(invoice.issue_date),
        amount_due: amountDue(invoice as never).numeric,
      }))
    )
    return new StepResponse<PayableBatch>({
      customer_id: input.customer_id,
      currency_code: currency,
      amount: batchAmountDue(rows, currency).numeric,
      invoices: rows,
    })
  }
)
