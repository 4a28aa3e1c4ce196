import { CurrencyDollar, XCircle } from "@medusajs/icons"
import { Button, Container, Input, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { paymentMethodLabel } from "../../../../lib/payment-methods"
import type { AdminInvoice, AdminInvoicePayment } from "../../../../types/http"
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
import { RefundPaymentDrawer } from "../../../components/refund-payment-drawer"
import { InvoiceStatusBadge } from "../../../components/status-badges"
import { useDocumentAction, useInvoice, useInvoicePaymentOptions } from "../../../hooks/api"
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
          {data.status === "draft" || data.status === "sent" ? <PartPaymentsSection invoice={data} /> : null}
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
  const [refunding, setRefunding] = useState<AdminInvoicePayment | null>(null)
  const refundable = (p: AdminInvoicePayment) =>
    p.method === "stripe" && Boolean(p.payment_id) && Number(p.amount) - Number(p.refunded_amount ?? 0) > 0 && invoice.status !== "void"
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
              <Table.HeaderCell className="text-right">Refunded</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {payments.map((p) => (
              <Table.Row key={p.id} data-testid="invoice-payment">
                <Table.Cell>{formatDate(p.paid_at)}</Table.Cell>
                <Table.Cell>{paymentMethodLabel(p.method)}</Table.Cell>
                <Table.Cell>{p.reference || "-"}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(p.amount, invoice.currency_code)}</Table.Cell>
                <Table.Cell className="text-right">
                  {Number(p.refunded_amount ?? 0) > 0 ? formatMoney(p.refunded_amount!, invoice.currency_code) : "-"}
                </Table.Cell>
                <Table.Cell className="text-right">
                  {refundable(p) ? (
                    <Button size="small" variant="secondary" onClick={() => setRefunding(p)}>
                      Refund
                    </Button>
                  ) : null}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <RefundPaymentDrawer invoice={invoice} payment={refunding} onClose={() => setRefunding(null)} />
    </Container>
  )
}

/**
 * Whether the customer may pay part of this invoice online, and the smallest part. "Default"
 * follows the portal settings.
 */
const PartPaymentsSection = ({ invoice }: { invoice: AdminInvoice }) => {
  const save = useInvoicePaymentOptions()
  const [minimum, setMinimum] = useState(invoice.partial_payment_minimum == null ? "" : String(invoice.partial_payment_minimum))
  const update = async (body: { allow_partial_payments?: boolean | null; partial_payment_minimum?: number | null }) => {
    try {
      await save.mutateAsync({ id: invoice.id, body })
      toast.success("Part payments updated")
    } catch (error) {
      toast.error("Could not update part payments", { description: errorMessage(error) })
    }
  }
  const allowed = invoice.allow_partial_payments
  return (
    <Container className="divide-y p-0">
      <SectionHeader title="Part payments" />
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Switch
            id="allow-partial-payments"
            checked={Boolean(allowed)}
            onCheckedChange={(checked) => update({ allow_partial_payments: checked })}
          />
          <label htmlFor="allow-partial-payments" className="txt-compact-small">
            Allow partial payments{allowed == null ? " (settings default)" : ""}
          </label>
        </div>
        {allowed == null ? null : (
          <Button size="small" variant="transparent" onClick={() => update({ allow_partial_payments: null })}>
            Use the settings default
          </Button>
        )}
        <form
          className="flex items-end gap-x-2"
          onSubmit={(e) => {
            e.preventDefault()
            update({ partial_payment_minimum: minimum.trim() === "" ? null : Number(minimum) })
          }}
        >
          <div className="flex flex-1 flex-col gap-y-1">
            <label htmlFor="partial-minimum" className="txt-compact-small">
              Minimum ({invoice.currency_code.toUpperCase()}); empty: settings default
            </label>
            <Input id="partial-minimum" type="number" inputMode="decimal" min={0} step="any" value={minimum} onChange={(e) => setMinimum(e.target.value)} />
          </div>
          <Button size="small" variant="secondary" type="submit" isLoading={save.isPending}>
            Save
          </Button>
        </form>
      </div>
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
