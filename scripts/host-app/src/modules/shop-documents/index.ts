import { Module } from "@medusajs/framework/utils"
import ShopDocumentsService from "./service"

export const SHOP_DOCUMENTS_MODULE = "shopDocuments"

export default Module(SHOP_DOCUMENTS_MODULE, { service: ShopDocumentsService })
