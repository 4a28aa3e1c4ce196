import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import PortalModule from "../modules/portal"

/** Read-only: resolves `estimate.customer` through the stored `customer_id`; no pivot table. */
export default defineLink(
  {
    linkable: PortalModule.linkable.portalEstimate.id,
    field: "customer_id",
  },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
