import { Plus, XMarkMini } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  DataTable,
  DataTableFilteringState,
  DataTablePaginationState,
  Heading,
  Select,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import { useCustomer, useDocuments } from "../hooks/api"
import { customerName, formatDate, formatMoney } from "../lib/format"
import type { AdminDocument, AdminEstimate, AdminInvoice, AdminDocumentKind } from "../../types/http"
import { ErrorState } from "./common"
import { SearchInput } from "./search-input"
import { DocumentFormModal } from "./document-form"
import { ESTIMATE_STATUS, EstimateStatusBadge, INVOICE_STATUS, InvoiceStatusBadge } from "./status-badges"

const PAGE_SIZE = 20
/** The status filter's "no filter" value (a Select item cannot have an empty value). */
const ALL = "all"

const columnHelper = createDataTableColumnHelper<AdminDocument>()
const filterHelper = createDataTableFilterHelper<AdminDocument>()

const STATUS_OPTIONS: Record<AdminDocumentKind, { label: string; value: string }[]> = {
  invoice: (["draft", "unpaid", "overdue", "paid", "void"] as const).map((s) => ({ label: INVOICE_STATUS[s].label, value: s })),
  estimate: (["draft", "pending", "accepted", "rejected"] as const).map((s) => ({ label: ESTIMATE_STATUS[s].label, value: s })),
}

function useColumns(kind: AdminDocumentKind) {
  return useMemo(
    () => [
      columnHelper.accessor("display_number", {
        header: "Number",
        cell: ({ row }) =>
          row.original.display_number ? (
            <span className="font-medium">{row.original.display_number}</span>
          ) : (
            <span className="text-ui-fg-muted">Draft</span>
          ),
      }),
      columnHelper.accessor("customer_id", {
        header: "Customer",
        cell: ({ row }) => {
          const customer = row.original.customer
          return (
            <div className="flex flex-col">
              <span className="truncate">{customerName(customer, row.original.customer_id)}</span>
              {customer?.email && customerName(customer) !== customer.email ? (
                <span className="text-ui-fg-subtle truncate">{customer.email}</span>
              ) : null}
            </div>
          )
        },
      }),
      columnHelper.accessor("display_status", {
        header: "Status",
        cell: ({ row }) =>
          kind === "invoice" ? (
            <InvoiceStatusBadge status={(row.original as AdminInvoice).display_status} />
          ) : (
            <EstimateStatusBadge
              status={(row.original as AdminEstimate).display_status}
              expired={(row.original as AdminEstimate).is_expired}
            />
          ),
      }),
      columnHelper.accessor("issue_date", {
        header: "Issued",
        cell: ({ getValue }) => formatDate(getValue() as string),
      }),
      columnHelper.display({
        id: "end_date",
        header: kind === "invoice" ? "Due" : "Valid until",
        cell: ({ row }) =>
          formatDate(
            kind === "invoice" ? (row.original as AdminInvoice).due_date : (row.original as AdminEstimate).valid_until,
            kind === "invoice" ? "On receipt" : "-"
          ),
      }),
      columnHelper.accessor("total", {
        header: "Total",
        headerAlign: "right",
        align: "right",
        cell: ({ row }) => formatMoney(row.original.total, row.original.currency_code),
      }),
      ...(kind === "invoice"
        ? [
            columnHelper.accessor((row) => (row as AdminInvoice).open_amount, {
              id: "open_amount",
              header: "Amount due",
              headerAlign: "right",
              align: "right",
              cell: ({ row }) => {
                const invoice = row.original as AdminInvoice
                return invoice.status === "sent" ? formatMoney(invoice.open_amount ?? 0, invoice.currency_code) : "-"
              },
            }),
          ]
        : []),
    ],
    [kind]
  )
}

/**
 * The Invoices / Estimates list: status filter, search by number, pagination, all kept in the
 * URL (so a filtered list can be bookmarked and the customer widget can link to one customer's).
 */
export const DocumentListPage = ({ kind }: { kind: AdminDocumentKind }) => {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const [createOpen, setCreateOpen] = useState(params.get("create") === "1")
  const q = params.get("q") ?? ""
  const status = params.get("status") ?? ""
  const customerId = params.get("customer_id") ?? ""
  const offset = Math.max(0, Number(params.get("offset") ?? 0) || 0)
  const title = kind === "invoice" ? "Invoices" : "Estimates"
  const noun = kind === "invoice" ? "invoice" : "estimate"

  const list = useDocuments(kind, {
    limit: PAGE_SIZE,
    offset,
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(customerId ? { customer_id: customerId } : {}),
  })
  const filteredCustomer = useCustomer(customerId || undefined)

  const update = (patch: Record<string, string | null>, resetOffset = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value)
          else next.delete(key)
        }
        if (resetOffset) next.delete("offset")
        next.delete("create")
        return next
      },
      { replace: true }
    )
  }

  const pagination: DataTablePaginationState = { pageIndex: Math.floor(offset / PAGE_SIZE), pageSize: PAGE_SIZE }
  const filtering: DataTableFilteringState = status ? { display_status: status } : {}
  const filters = useMemo(
    () => [filterHelper.accessor("display_status", { type: "radio", label: "Status", options: STATUS_OPTIONS[kind] })],
    [kind]
  )

  const table = useDataTable({
    columns: useColumns(kind),
    data: list.data?.rows ?? [],
    getRowId: (row) => row.id,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters,
    filtering: {
      state: filtering,
      onFilteringChange: (state) => update({ status: (state.display_status as string | undefined) ?? null }),
    },
    search: { state: q, onSearchChange: (value) => update({ q: value || null }) },
    pagination: {
      state: pagination,
      onPaginationChange: (state) => update({ offset: state.pageIndex ? String(state.pageIndex * PAGE_SIZE) : null }, false),
    },
    onRowClick: (_event, row) => navigate(`/${kind}s/${row.id}`),
  })

  return (
    <Container className="divide-y p-0" data-portal-extension="">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div className="flex flex-col gap-y-1">
            <Heading>{title}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {kind === "invoice"
                ? "Bills you send to customers. They see and pay them in their portal."
                : "Quotes your customers accept or reject in their portal."}
            </Text>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {customerId ? (
              <Badge size="small" className="gap-x-1" data-testid="customer-filter">
                Customer: {customerName(filteredCustomer.data, customerId)}
                <button type="button" aria-label="Show every customer" onClick={() => update({ customer_id: null })}>
                  <XMarkMini />
                </button>
              </Badge>
            ) : null}
            {/* Our own controls, not DataTable.FilterMenu / DataTable.Search: those render an icon
                button without a name and an unnamed role="img" (axe: button-name, role-img-alt). */}
            <Select size="small" value={status || ALL} onValueChange={(value) => update({ status: value === ALL ? null : value })}>
              <Select.Trigger aria-label="Filter by status" className="w-[150px]">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>All statuses</Select.Item>
                {STATUS_OPTIONS[kind].map((option) => (
                  <Select.Item key={option.value} value={option.value}>
                    {option.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <SearchInput
              size="small"
              placeholder="Search by number"
              aria-label="Search by number"
              value={table.getSearch()}
              onChange={(event) => table.onSearchChange(event.target.value)}
            />
            <Button size="small" variant="secondary" onClick={() => setCreateOpen(true)}>
              <Plus />
              Create {noun}
            </Button>
          </div>
        </DataTable.Toolbar>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} title={`Could not load ${title.toLowerCase()}`} />
        ) : (
          <>
            <DataTable.Table
              emptyState={{
                empty: {
                  heading: `No ${title.toLowerCase()} yet`,
                  description: `Create a draft ${noun}, then send it to the customer.`,
                },
                filtered: {
                  heading: `No ${title.toLowerCase()} match`,
                  description: "Change the search or the status filter.",
                },
              }}
            />
            <DataTable.Pagination />
          </>
        )}
      </DataTable>
      <DocumentFormModal
        kind={kind}
        open={createOpen}
        onOpenChange={(open) => {
          setCreateOpen(open)
          // Opened from a link (?create=1): closing it must not reopen it on reload.
          if (!open && params.has("create")) update({}, false)
        }}
        defaults={customerId ? { customer_id: customerId } : undefined}
        onSaved={(doc) => navigate(`/${kind}s/${doc.id}`)}
      />
    </Container>
  )
}
