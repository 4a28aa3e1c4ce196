import { defineLink } from "@medusajs/framework/utils"
import PaymentModule from "@medusajs/medusa/payment"
import PortalModule from "../modules/portal"

/**
 * An accepted estimate's Medusa payment collection for its deposit (issue #15): what "Pay
 * deposit" creates payment sessions on, as an invoice's collection is for "Pay Now".
 */
export default defineLink(PortalModule.linkable.portalEstimate, PaymentModule.linkable.paymentCollection)
