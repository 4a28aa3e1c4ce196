import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { DocumentListPage } from "../../components/document-list"

const EstimatesPage = () => <DocumentListPage kind="estimate" />

export const config = defineRouteConfig({
  label: "Estimates",
  icon: DocumentText,
})

export const handle = {
  breadcrumb: () => "Estimates",
}

export default EstimatesPage
