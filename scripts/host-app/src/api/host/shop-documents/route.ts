import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SHOP_DOCUMENTS_MODULE } from "../../../modules/shop-documents"

/**
 * Creates one of the host's own invoices and reads it back through Query's `invoice` entity:
 * proves the name still belongs to the host's module with the plugin installed.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve(SHOP_DOCUMENTS_MODULE) as {
    createInvoices(data: { order_id: string }): Promise<{ id: string }>
  }
  const created = await service.createInvoices({ order_id: "order_host_test" })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "invoice", fields: ["id", "order_id"], filters: { id: created.id } })
  res.json({ invoice: data[0] ?? null })
}
