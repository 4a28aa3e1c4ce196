import { CurrencyDollar, XCircle } from "@medusajs/icons"
import { Container, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { paymentMethodLabel } from "../../../../lib/payment-methods"
import type { AdminInvoice } from "../../../../types/http"
import { SectionHeader, SectionRow } from "../../../components/common"
import { DocumentHeader } from "../../../components/document-header"
import {
  CustomerSection,
  DetailLayout,
  DetailSkeleton,
  DocumentActivitySection,
  LinesSection,
  NotFoundOrError,
  NotesSection,
} from "../../../components/document-sections"
import { RecordPaymentDrawer } from "../../../components/record-payment-drawer"
import { InvoiceStatusBadge } from "../../../components/status-badges"
import { useDocumentAction, useInvoice } from "../../../hooks/api"
import { errorMessage } from "../../../lib/errors"
import { formatDate, formatDateTime, formatMoney } from "../../../lib/format"

const InvoiceDetailPage = () => {
  const { id } = useParams()
  const invoice = useInvoice(id!)

  if (invoice.isLoading) {
    return <DetailSkeleton />
  }
  if (invoice.isError || !invoice.data) {
    return <NotFoundOrError error={invoice.error} kind="invoice" onRetry={() => invoice.refetch()} />
  }
  const data = invoice.data
  return (
    <DetailLayout
      main={
        <>
          <InvoiceHeader invoice={data} />
          <LinesSection document={data} />
          {data.status !== "draft" ? <PaymentsSection invoice={data} /> : null}
          <NotesSection document={data} />
        </>
      }
      side={
        <>
          <CustomerSection document={data} />
          <InvoiceDetailsSection invoice={data} />
          <DocumentActivitySection
            document={data}
            ownDates={[{ id: "created", title: "Draft created", actor: "You", at: data.created_at }]}
          />
        </>
      }
    />
  )
}

/** The invoice's own actions; Delete, Edit, Send and Resend come with the shared header. */
const InvoiceHeader = ({ invoice }: { invoice: AdminInvoice }) => {
  const prompt = usePrompt()
  const [paymentOpen, setPaymentOpen] = useState(false)
  const voidInvoice = useDocumentAction("invoice", "void")

  const onVoid = async () => {
    const confirmed = await prompt({
      title: `Void ${invoice.display_number}?`,
      description: "The customer sees it as void and can no longer pay it. This cannot be undone.",
      confirmText: "Void invoice",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await voidInvoice.mutateAsync({ id: invoice.id })
      toast.success(`Invoice ${invoice.display_number} voided`)
    } catch (error) {
      toast.error("Could not void the invoice", { description: errorMessage(error) })
    }
  }

  const sent = invoice.status === "sent"
  return (
    <DocumentHeader
      kind="invoice"
      document={invoice}
      badge={<InvoiceStatusBadge status={invoice.display_status} />}
      actions={
        sent
          ? [
              { label: "Void", icon: <XCircle />, onClick: onVoid, isLoading: voidInvoice.isPending },
              { label: "Record payment", icon: <CurrencyDollar />, onClick: () => setPaymentOpen(true), primary: true },
            ]
          : []
      }
    >
      {sent ? <RecordPaymentDrawer invoice={invoice} open={paymentOpen} onOpenChange={setPaymentOpen} /> : null}
    </DocumentHeader>
  )
}

const PaymentsSection = ({ invoice }: { invoice: AdminInvoice }) => {
  const payments = [...(invoice.payments ?? [])].sort((a, b) => a.paid_at.localeCompare(b.paid_at))
  return (
    <Container className="divide-y p-0">
      <SectionHeader title="Payments" />
      {payments.length === 0 ? (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            No payment yet.
          </Text>
        </div>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell>Method</Table.HeaderCell>
              <Table.HeaderCell>Reference</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {payments.map((p) => (
              <Table.Row key={p.id} data-testid="invoice-payment">
                <Table.Cell>{formatDate(p.paid_at)}</Table.Cell>
                <Table.Cell>{paymentMethodLabel(p.method)}</Table.Cell>
                <Table.Cell>{p.reference || "-"}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(p.amount, invoice.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

const InvoiceDetailsSection = ({ invoice }: { invoice: AdminInvoice }) => (
  <Container className="divide-y p-0">
    <SectionHeader title="Details" />
    <SectionRow title="Issued" value={formatDate(invoice.issue_date)} />
    <SectionRow title="Due" value={formatDate(invoice.due_date, "On receipt")} />
    <SectionRow title="Currency" value={invoice.currency_code.toUpperCase()} />
    <SectionRow title="Sent" value={formatDateTime(invoice.sent_at, "Not sent")} />
    {invoice.paid_at ? <SectionRow title="Paid" value={formatDateTime(invoice.paid_at)} /> : null}
    {invoice.voided_at ? <SectionRow title="Voided" value={formatDateTime(invoice.voided_at)} /> : null}
    {invoice.estimate_id ? (
      <SectionRow
        title="From estimate"
        value={
          <Link to={`/estimates/${invoice.estimate_id}`} className="text-ui-fg-interactive-hover hover:underline txt-compact-small">
            View estimate
          </Link>
        }
      />
    ) : null}
    {invoice.order_id ? (
      <SectionRow
        title="From order"
        value={
          <Link to={`/orders/${invoice.order_id}`} className="text-ui-fg-interactive-hover hover:underline txt-compact-small">
            View order
          </Link>
        }
      />
    ) : null}
  </Container>
)

/** The breadcrumb shows the invoice's number (or "Draft") rather than its id. */
const Breadcrumb = ({ id }: { id: string }) => {
  const invoice = useInvoice(id)
  return <span>{invoice.data ? invoice.data.display_number ?? "Draft invoice" : "Invoice"}</span>
}

export const handle = {
  breadcrumb: (match: { params: Record<string, string | undefined> }) => <Breadcrumb id={match.params.id!} />,
}

export default InvoiceDetailPage
