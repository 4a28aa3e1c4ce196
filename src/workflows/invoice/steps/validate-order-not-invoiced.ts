import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** An order is invoiced once: a second request names the invoice that exists (void ones aside). */
export const validateOrderNotInvoicedStep = createStep(
  "validate-order-not-invoiced",
  async (order: { id: string; display_id?: number | null; customer_id?: string | null }, { container }) => {
    if (!order.customer_id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Order ${order.display_id ?? order.id} has no customer to invoice`
      )
    }
    const [existing] = await container
      .resolve<PortalModuleService>(PORTAL_MODULE)
      .listPortalInvoices({ order_id: order.id, status: ["draft", "sent", "paid"] }, { take: 1 })
    if (existing) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${order.display_id ?? order.id} already has invoice ${existing.display_number ?? existing.id}`
      )
    }
    return new StepResponse(undefined)
  }
)
