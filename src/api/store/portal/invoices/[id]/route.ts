import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { viewCustomerInvoice } from "../../../../utils/customer-invoice"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ invoice: await viewCustomerInvoice(req, "store") })
}
