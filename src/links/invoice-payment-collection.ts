import { defineLink } from "@medusajs/framework/utils"
import PaymentModule from "@medusajs/medusa/payment"
import PortalModule from "../modules/portal"

/**
 * A sent invoice's Medusa payment collection (for its open amount): what "Pay Now" creates
 * payment sessions on, as core Medusa links a cart or an order to theirs.
 */
export default defineLink(PortalModule.linkable.portalInvoice, PaymentModule.linkable.paymentCollection)
