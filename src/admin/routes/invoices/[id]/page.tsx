import { CurrencyDollar, PaperPlane, PencilSquare, Trash, XCircle } from "@medusajs/icons"
import { Button, Container, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { SectionHeader, SectionRow } from "../../../components/common"
import { DocumentFormModal } from "../../../components/document-form"
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
import { useDeleteDocument, useDocumentAction, useInvoice } from "../../../hooks/api"
import { errorMessage } from "../../../lib/errors"
import { customerName, formatDate, formatDateTime, formatMoney } from "../../../lib/format"
import type { AdminInvoice } from "../../../lib/types"

const METHOD_LABELS: Record<string, string> = {
  stripe: "Online (Stripe)",
  bank_transfer: "Bank transfer",
  cash: "Cash",
  check: "Check",
  card: "Card",
  other: "Other",
}

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

const InvoiceHeader = ({ invoice }: { invoice: AdminInvoice }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [editOpen, setEditOpen] = useState(false)
  const [paymentOpen, setPaymentOpen] = useState(false)
  const send = useDocumentAction("invoice", "send")
  const voidInvoice = useDocumentAction("invoice", "void")
  const remove = useDeleteDocument("invoice")
  const who = invoice.customer?.email ?? customerName(invoice.customer, "the customer")

  const onSend = async () => {
    const resend = invoice.status === "sent"
    const confirmed = await prompt({
      title: resend ? "Send this invoice again?" : "Send this invoice?",
      description: resend
        ? `${who} gets the invoice by email again, with a fresh link to their portal.`
        : `It gets its number and can no longer be edited. ${who} gets it by email with a link to their portal.`,
      confirmText: resend ? "Send again" : "Send invoice",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    try {
      const { invoice: sent } = await send.mutateAsync({ id: invoice.id })
      toast.success(`Invoice ${sent?.display_number ?? ""} sent`, { description: `Emailed to ${who}.` })
    } catch (error) {
      toast.error("Could not send the invoice", { description: errorMessage(error) })
    }
  }

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

  const onDelete = async () => {
    const confirmed = await prompt({
      title: "Delete this draft?",
      description: "The draft invoice and its lines are deleted. The customer never saw it.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(invoice.id)
      toast.success("Draft invoice deleted")
      navigate("/invoices", { replace: true })
    } catch (error) {
      toast.error("Could not delete the draft", { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={
          <span className="flex items-center gap-x-2">
            {invoice.display_number ? `Invoice ${invoice.display_number}` : "Draft invoice"}
            <InvoiceStatusBadge status={invoice.display_status} />
          </span>
        }
        description={`${customerName(invoice.customer, invoice.customer_id)} · ${formatMoney(invoice.total, invoice.currency_code)}`}
        actions={
          <>
            {invoice.status === "draft" ? (
              <>
                <Button size="small" variant="secondary" onClick={onDelete} isLoading={remove.isPending}>
                  <Trash /> Delete
                </Button>
                <Button size="small" variant="secondary" onClick={() => setEditOpen(true)}>
                  <PencilSquare /> Edit
                </Button>
                <Button size="small" onClick={onSend} isLoading={send.isPending}>
                  <PaperPlane /> Send invoice
                </Button>
              </>
            ) : null}
            {invoice.status === "sent" ? (
              <>
                <Button size="small" variant="secondary" onClick={onVoid} isLoading={voidInvoice.isPending}>
                  <XCircle /> Void
                </Button>
                <Button size="small" variant="secondary" onClick={onSend} isLoading={send.isPending}>
                  <PaperPlane /> Resend
                </Button>
                <Button size="small" onClick={() => setPaymentOpen(true)}>
                  <CurrencyDollar /> Record payment
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {invoice.status === "draft" ? (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            A draft: the customer cannot see it yet, and it gets its number when you send it.
          </Text>
        </div>
      ) : null}
      {invoice.status === "draft" ? (
        <DocumentFormModal kind="invoice" open={editOpen} onOpenChange={setEditOpen} document={invoice} />
      ) : null}
      {invoice.status === "sent" ? (
        <RecordPaymentDrawer invoice={invoice} open={paymentOpen} onOpenChange={setPaymentOpen} />
      ) : null}
    </Container>
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
                <Table.Cell>{METHOD_LABELS[p.method] ?? p.method}</Table.Cell>
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
          <Link to={`/estimates/${invoice.estimate_id}`} className="text-ui-fg-interactive txt-compact-small">
            View estimate
          </Link>
        }
      />
    ) : null}
    {invoice.order_id ? (
      <SectionRow
        title="From order"
        value={
          <Link to={`/orders/${invoice.order_id}`} className="text-ui-fg-interactive txt-compact-small">
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
