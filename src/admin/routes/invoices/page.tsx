import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Receipt } from "@medusajs/icons"
import { DocumentListPage } from "../../components/document-list"

const InvoicesPage = () => <DocumentListPage kind="invoice" />

export const config = defineRouteConfig({
  label: "Invoices",
  icon: Receipt,
})

export const handle = {
  breadcrumb: () => "Invoices",
}

export default InvoicesPage
