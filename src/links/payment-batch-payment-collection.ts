import { defineLink } from "@medusajs/framework/utils"
import PaymentModule from "@medusajs/medusa/payment"
import PortalModule from "../modules/portal"

/**
 * The Medusa payment collection of a payment for several invoices at once: what its Stripe
 * session lives on. The capture subscriber tells it from an invoice's own collection by this link.
 */
export default defineLink(PortalModule.linkable.portalPaymentBatch, PaymentModule.linkable.paymentCollection)
