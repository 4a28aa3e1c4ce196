import { MedusaService } from "@medusajs/framework/utils"
import Estimate from "./models/estimate"
import Invoice from "./models/invoice"

export default class ShopDocumentsService extends MedusaService({ Invoice, Estimate }) {}
