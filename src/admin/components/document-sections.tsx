import { ArrowUpRightOnBox } from "@medusajs/icons"
import { Container, Skeleton, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link } from "react-router-dom"
import { usePortalActivity } from "../hooks/api"
import { lineAmount, LINE_AMOUNT_LABEL } from "../../lib/line-amount"
import { describeEvent } from "../lib/events"
import { customerName, formatMoney } from "../lib/format"
import type { AdminDocument, AdminInvoice, AdminPortalEvent } from "../../types/http"
import { ActivityTimeline, TimelineItem, actorLabel } from "./activity-timeline"
import { EmptyState, ErrorState, SectionHeader, SectionRow } from "./common"

const quantity = (value: unknown) => Number(value).toLocaleString(undefined, { maximumFractionDigits: 4 })

/** The document's lines and the server's totals (and, for an invoice, what was paid and is due). */
export const LinesSection = ({ document }: { document: AdminDocument }) => {
  const money = (value: unknown) => formatMoney(value as number, document.currency_code)
  const lines = document.lines ?? []
  const invoice = "amount_paid" in document ? (document as AdminInvoice) : null
  return (
    <Container className="divide-y p-0">
      <SectionHeader title="Lines" />
      {lines.length === 0 ? (
        <EmptyState title="No lines" description="Edit the draft to add what you are charging for." />
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Item</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Unit price</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Tax</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{LINE_AMOUNT_LABEL}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {lines.map((line) => (
                <Table.Row key={line.id} data-testid="document-line">
                  <Table.Cell className="py-2">
                    <div className="flex flex-col">
                      <span className="font-medium">{line.title}</span>
                      {line.description ? <span className="text-ui-fg-subtle">{line.description}</span> : null}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="text-right">{quantity(line.quantity)}</Table.Cell>
                  <Table.Cell className="text-right">{money(line.unit_price)}</Table.Cell>
                  <Table.Cell className="text-right">{line.tax_rate == null ? "-" : `${quantity(line.tax_rate)} %`}</Table.Cell>
                  <Table.Cell className="text-right" data-testid="document-line-amount">{money(lineAmount(line))}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <dl className="flex flex-col gap-y-1 px-6 py-4" data-testid="document-totals">
        <TotalRow label="Subtotal" value={money(document.subtotal)} />
        <TotalRow label="Tax" value={money(document.tax_total)} />
        <TotalRow label="Total" value={money(document.total)} strong testId="document-total" />
        {invoice && invoice.status !== "draft" ? (
          <>
            <TotalRow label="Paid" value={money(invoice.amount_paid)} />
            <TotalRow label="Amount due" value={money(invoice.open_amount ?? 0)} strong testId="document-amount-due" />
          </>
        ) : null}
      </dl>
    </Container>
  )
}

const TotalRow = ({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) => (
  <div className="flex items-center justify-between">
    <Text asChild size="small" weight={strong ? "plus" : "regular"} className={strong ? undefined : "text-ui-fg-subtle"}>
      <dt>{label}</dt>
    </Text>
    <Text asChild size="small" weight={strong ? "plus" : "regular"}>
      <dd data-testid={testId}>{value}</dd>
    </Text>
  </div>
)

/** Notes shown to the customer and the owner-only note. */
export const NotesSection = ({ document }: { document: AdminDocument }) => (
  <Container className="divide-y p-0">
    <SectionHeader title="Notes" />
    <SectionRow title="For the customer" value={document.notes || "-"} />
    <SectionRow title="Internal (owner only)" value={document.internal_note || "-"} />
  </Container>
)

export const CustomerSection = ({ document }: { document: AdminDocument }) => {
  const customer = document.customer
  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Customer"
        actions={
          <Link
            to={`/customers/${document.customer_id}`}
            className="text-ui-fg-interactive-hover hover:underline txt-compact-small-plus flex items-center gap-x-1"
          >
            Customer page <ArrowUpRightOnBox />
          </Link>
        }
      />
      <SectionRow title="Name" value={customerName(customer, document.customer_id)} />
      <SectionRow title="Email" value={customer?.email ?? "-"} />
      {customer?.company_name ? <SectionRow title="Company" value={customer.company_name} /> : null}
    </Container>
  )
}

/**
 * The document's timeline: its own dates (created, sent, paid, voided, decided) and the portal
 * activity log entries about it (emails, views, downloads, payments, decisions). The activity API
 * lists a customer's events; the ones about this document are picked by subject id.
 */
export const DocumentActivitySection = ({ document, ownDates }: { document: AdminDocument; ownDates: TimelineItem[] }) => {
  const activity = usePortalActivity(document.customer_id, { limit: 100 })
  const events = (activity.data?.events ?? []).filter((e: AdminPortalEvent) => e.subject_id === document.id)
  const items: TimelineItem[] = [
    ...events.map((event) => ({
      id: event.id,
      title: describeEvent(event),
      actor: actorLabel(event.actor),
      at: event.created_at,
      tone:
        /failed|rejected/.test(event.type) || event.data?.email_status === "failure"
          ? ("error" as const)
          : /succeeded|accepted|recorded/.test(event.type)
            ? ("success" as const)
            : ("default" as const),
    })),
    ...ownDates,
  ].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())

  return (
    <Container className="divide-y p-0">
      <SectionHeader title="Activity" />
      {activity.isLoading ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => activity.refetch()} title="Could not load the activity" />
      ) : items.length ? (
        <ActivityTimeline items={items} testId="document-activity" />
      ) : (
        <EmptyState title="No activity yet" />
      )}
    </Container>
  )
}

export const DetailLayout = ({ main, side }: { main: ReactNode; side: ReactNode }) => (
  <div className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4" data-portal-extension="">
    <div className="flex w-full min-w-0 flex-col gap-y-3">{main}</div>
    <div className="flex w-full flex-col gap-y-3 xl:max-w-[440px]">{side}</div>
  </div>
)

export const DetailSkeleton = () => (
  <DetailLayout
    main={
      <Container className="flex flex-col gap-y-3 p-6" aria-busy="true">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-5 w-full" />
        <Skeleton className="h-5 w-3/4" />
      </Container>
    }
    side={
      <Container className="flex flex-col gap-y-3 p-6">
        <Skeleton className="h-7 w-32" />
        <Skeleton className="h-5 w-full" />
      </Container>
    }
  />
)

export const NotFoundOrError = ({ error, kind, onRetry }: { error: unknown; kind: string; onRetry: () => void }) => (
  <Container className="p-0">
    <ErrorState error={error} onRetry={onRetry} title={`Could not load this ${kind}`} />
    <div className="flex justify-center pb-8">
      <Link to={`/${kind}s`} className="text-ui-fg-interactive-hover hover:underline txt-compact-small-plus">
        Back to {kind}s
      </Link>
    </div>
  </Container>
)

