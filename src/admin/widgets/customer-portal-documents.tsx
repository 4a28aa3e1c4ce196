import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { useState } from "react"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Plus } from "@medusajs/icons"
import { Button, Container, Skeleton, Table } from "@medusajs/ui"
import { Link, useNavigate } from "react-router-dom"
import { ActivityTimeline, actorLabel } from "../components/activity-timeline"
import { EmptyState, ErrorState, SectionHeader } from "../components/common"
import { EstimateStatusBadge, InvoiceStatusBadge } from "../components/status-badges"
import { useDocuments, usePortalActivity } from "../hooks/api"
import { describeEvent, documentPath } from "../lib/events"
import { formatDate, formatMoney } from "../lib/format"
import type { AdminEstimate, AdminInvoice, AdminDocumentKind } from "../../types/http"

const SHOWN = 5
/** Activity entries per page. */
const ACTIVITY_PAGE = 10

/** The customer's invoices, estimates and recent portal activity, on the customer page. */
const CustomerPortalDocumentsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => (
  <div className="flex flex-col gap-y-3" data-portal-extension="">
    <DocumentsSection kind="invoice" customerId={customer.id} />
    <DocumentsSection kind="estimate" customerId={customer.id} />
    <ActivitySection customerId={customer.id} />
  </div>
)

const DocumentsSection = ({ kind, customerId }: { kind: AdminDocumentKind; customerId: string }) => {
  const navigate = useNavigate()
  const list = useDocuments(kind, { customer_id: customerId, limit: SHOWN, offset: 0 })
  const title = kind === "invoice" ? "Invoices" : "Estimates"
  const base = `/${kind}s`
  const count = list.data?.count ?? 0

  return (
    <Container className="divide-y p-0" data-testid={`customer-${kind}s`}>
      <SectionHeader
        title={title}
        actions={
          <>
            {count > SHOWN ? (
              <Link to={`${base}?customer_id=${customerId}`} className="text-ui-fg-interactive-hover hover:underline txt-compact-small-plus">
                View all {count}
              </Link>
            ) : null}
            <Button size="small" variant="secondary" asChild>
              <Link to={`${base}?create=1&customer_id=${customerId}`}>
                <Plus />
                Create {kind}
              </Link>
            </Button>
          </>
        }
      />
      {list.isLoading ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-full" />
        </div>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} title={`Could not load ${title.toLowerCase()}`} />
      ) : !list.data?.rows.length ? (
        <EmptyState title={`No ${title.toLowerCase()} yet`} description={`${title} you create for this customer show here.`} />
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Number</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Issued</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.data.rows.map((doc) => (
              <Table.Row
                key={doc.id}
                className="cursor-pointer"
                onClick={() => navigate(`${base}/${doc.id}`)}
                data-testid={`customer-${kind}-row`}
              >
                <Table.Cell>{doc.display_number ?? <span className="text-ui-fg-muted">Draft</span>}</Table.Cell>
                <Table.Cell>
                  {kind === "invoice" ? (
                    <InvoiceStatusBadge status={(doc as AdminInvoice).display_status} />
                  ) : (
                    <EstimateStatusBadge
                      status={(doc as AdminEstimate).display_status}
                      expired={(doc as AdminEstimate).is_expired}
                    />
                  )}
                </Table.Cell>
                <Table.Cell>{formatDate(doc.issue_date)}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(doc.total, doc.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

const ActivitySection = ({ customerId }: { customerId: string }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const activity = usePortalActivity(customerId, { limit: ACTIVITY_PAGE, offset: pageIndex * ACTIVITY_PAGE })
  const events = activity.data?.events ?? []
  const count = activity.data?.count ?? 0
  const pageCount = Math.ceil(count / ACTIVITY_PAGE)
  return (
    <Container className="divide-y p-0" data-testid="customer-portal-activity">
      <SectionHeader title="Portal activity" description="What happened in this customer's portal, newest first." />
      {activity.isLoading ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => activity.refetch()} title="Could not load the activity" />
      ) : events.length === 0 && pageIndex === 0 ? (
        <EmptyState title="No portal activity yet" description="Sending a document or portal access starts the log." />
      ) : (
        <>
          <ActivityTimeline
            items={events.map((event) => ({
              id: event.id,
              title: describeEvent(event, true),
              href: event.document ? documentPath(event.document) : undefined,
              actor: actorLabel(event.actor),
              at: event.created_at,
              tone: /failed/.test(event.type) || event.data?.email_status === "failure" ? "error" : "default",
            }))}
          />
          {pageCount > 1 ? (
            <Table.Pagination
              data-testid="customer-portal-activity-pagination"
              count={count}
              pageSize={ACTIVITY_PAGE}
              pageIndex={pageIndex}
              pageCount={pageCount}
              canPreviousPage={pageIndex > 0}
              canNextPage={pageIndex + 1 < pageCount}
              previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
              nextPage={() => setPageIndex((index) => index + 1)}
              translations={{ of: "of", results: "entries", pages: "pages", prev: "Previous", next: "Next" }}
            />
          ) : null}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details",
})

export default CustomerPortalDocumentsWidget
