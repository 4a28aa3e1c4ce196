import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type ValidateCustomerStepInput = {
  customer_id?: string
  currency_code?: string
  /** Sending needs an address to send to. */
  require_email?: boolean
}

/**
 * Checks what the Portal module cannot see on its own: that the customer exists in Medusa's
 * Customer module (and has an email, when sending) and that the currency is one Medusa knows.
 */
export const validateCustomerStep = createStep(
  "validate-portal-customer",
  async (input: ValidateCustomerStepInput, { container }) => {
    if (input.customer_id !== undefined) {
      const [customer] = await container
        .resolve(Modules.CUSTOMER)
        .listCustomers({ id: input.customer_id }, { select: ["id", "email"], take: 1 })
      if (!customer) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `customer_id: customer "${input.customer_id}" does not exist`)
      }
      if (input.require_email && !customer.email) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Customer "${input.customer_id}" has no email address; add one before sending`
        )
      }
    }
    if (input.currency_code !== undefined) {
      const [currency] = await container
        .resolve(Modules.CURRENCY)
        .listCurrencies({ code: [String(input.currency_code).toLowerCase()] }, { take: 1 })
      if (!currency) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `currency_code "${input.currency_code}" is not a known ISO 4217 currency`
        )
      }
    }
    return new StepResponse(undefined)
  }
)
