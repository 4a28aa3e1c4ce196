import { StatusBadge } from "@medusajs/ui"
import type { AdminPortalAccess, EstimateDisplayStatus, InvoiceDisplayStatus } from "../../types/http"

type Color = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const INVOICE_STATUS: Record<InvoiceDisplayStatus, { label: string; color: Color }> = {
  draft: { label: "Draft", color: "grey" },
  unpaid: { label: "Unpaid", color: "orange" },
  partially_paid: { label: "Partially paid", color: "blue" },
  overdue: { label: "Overdue", color: "red" },
  paid: { label: "Paid", color: "green" },
  void: { label: "Void", color: "grey" },
}

export const ESTIMATE_STATUS: Record<EstimateDisplayStatus, { label: string; color: Color }> = {
  draft: { label: "Draft", color: "grey" },
  pending: { label: "Pending", color: "orange" },
  accepted: { label: "Accepted", color: "green" },
  rejected: { label: "Rejected", color: "red" },
}

export const ACCESS_STATUS: Record<AdminPortalAccess["status"], { label: string; color: Color }> = {
  enabled: { label: "Enabled", color: "green" },
  disabled: { label: "Disabled", color: "red" },
  never_sent: { label: "Never sent", color: "grey" },
}

export const InvoiceStatusBadge = ({ status }: { status: InvoiceDisplayStatus }) => {
  const s = INVOICE_STATUS[status] ?? { label: status, color: "grey" as const }
  return <StatusBadge color={s.color}>{s.label}</StatusBadge>
}

export const EstimateStatusBadge = ({ status, expired }: { status: EstimateDisplayStatus; expired?: boolean }) => {
  if (status === "pending" && expired) {
    return <StatusBadge color="grey">Expired</StatusBadge>
  }
  const s = ESTIMATE_STATUS[status] ?? { label: status, color: "grey" as const }
  return <StatusBadge color={s.color}>{s.label}</StatusBadge>
}

export const AccessStatusBadge = ({ status }: { status: AdminPortalAccess["status"] }) => {
  const s = ACCESS_STATUS[status]
  return <StatusBadge color={s.color}>{s.label}</StatusBadge>
}
