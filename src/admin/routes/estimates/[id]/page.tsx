import { ArrowPath, PaperPlane, PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, Text, toast, usePrompt } from "@medusajs/ui"
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
import { EstimateStatusBadge } from "../../../components/status-badges"
import { useDeleteDocument, useDocumentAction, useEstimate } from "../../../hooks/api"
import { errorMessage } from "../../../lib/errors"
import { customerName, formatDate, formatDateTime, formatMoney } from "../../../lib/format"
import type { AdminEstimate } from "../../../lib/types"

const EstimateDetailPage = () => {
  const { id } = useParams()
  const estimate = useEstimate(id!)

  if (estimate.isLoading) {
    return <DetailSkeleton />
  }
  if (estimate.isError || !estimate.data) {
    return <NotFoundOrError error={estimate.error} kind="estimate" onRetry={() => estimate.refetch()} />
  }
  const data = estimate.data
  return (
    <DetailLayout
      main={
        <>
          <EstimateHeader estimate={data} />
          <LinesSection document={data} />
          <NotesSection document={data} />
        </>
      }
      side={
        <>
          <CustomerSection document={data} />
          <EstimateDetailsSection estimate={data} />
          <DocumentActivitySection
            document={data}
            ownDates={[{ id: "created", title: "Draft created", actor: "You", at: data.created_at }]}
          />
        </>
      }
    />
  )
}

const EstimateHeader = ({ estimate }: { estimate: AdminEstimate }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [editOpen, setEditOpen] = useState(false)
  const send = useDocumentAction("estimate", "send")
  const convert = useDocumentAction("estimate", "convert")
  const remove = useDeleteDocument("estimate")
  const who = estimate.customer?.email ?? customerName(estimate.customer, "the customer")

  const onSend = async () => {
    const resend = estimate.status === "sent"
    const confirmed = await prompt({
      title: resend ? "Send this estimate again?" : "Send this estimate?",
      description: resend
        ? `${who} gets the estimate by email again, with a fresh link to their portal.`
        : `It gets its number and can no longer be edited. ${who} can accept or reject it in their portal.`,
      confirmText: resend ? "Send again" : "Send estimate",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    try {
      const { estimate: sent } = await send.mutateAsync({ id: estimate.id })
      toast.success(`Estimate ${sent?.display_number ?? ""} sent`, { description: `Emailed to ${who}.` })
    } catch (error) {
      toast.error("Could not send the estimate", { description: errorMessage(error) })
    }
  }

  const onConvert = async () => {
    const confirmed = await prompt({
      title: "Convert into an invoice?",
      description: "A draft invoice with the same customer, currency and lines is created. Review it and send it.",
      confirmText: "Convert",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    try {
      const { invoice } = await convert.mutateAsync({ id: estimate.id })
      toast.success("Draft invoice created from the estimate")
      if (invoice) navigate(`/invoices/${invoice.id}`)
    } catch (error) {
      toast.error("Could not convert the estimate", { description: errorMessage(error) })
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: "Delete this draft?",
      description: "The draft estimate and its lines are deleted. The customer never saw it.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(estimate.id)
      toast.success("Draft estimate deleted")
      navigate("/estimates", { replace: true })
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
            {estimate.display_number ? `Estimate ${estimate.display_number}` : "Draft estimate"}
            <EstimateStatusBadge status={estimate.display_status} expired={estimate.is_expired} />
          </span>
        }
        description={`${customerName(estimate.customer, estimate.customer_id)} · ${formatMoney(estimate.total, estimate.currency_code)}`}
        actions={
          <>
            {estimate.status === "draft" ? (
              <>
                <Button size="small" variant="secondary" onClick={onDelete} isLoading={remove.isPending}>
                  <Trash /> Delete
                </Button>
                <Button size="small" variant="secondary" onClick={() => setEditOpen(true)}>
                  <PencilSquare /> Edit
                </Button>
                <Button size="small" onClick={onSend} isLoading={send.isPending}>
                  <PaperPlane /> Send estimate
                </Button>
              </>
            ) : null}
            {estimate.status === "sent" ? (
              <Button size="small" variant="secondary" onClick={onSend} isLoading={send.isPending}>
                <PaperPlane /> Resend
              </Button>
            ) : null}
            {estimate.status === "accepted" && !estimate.invoice_id ? (
              <Button size="small" onClick={onConvert} isLoading={convert.isPending}>
                <ArrowPath /> Convert to invoice
              </Button>
            ) : null}
            {estimate.invoice_id ? (
              <Button size="small" variant="secondary" asChild>
                <Link to={`/invoices/${estimate.invoice_id}`}>View invoice</Link>
              </Button>
            ) : null}
          </>
        }
      />
      {estimate.status === "draft" ? (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            A draft: the customer cannot see it yet, and it gets its number when you send it.
          </Text>
        </div>
      ) : null}
      {estimate.decision_note ? (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            The customer wrote: “{estimate.decision_note}”
          </Text>
        </div>
      ) : null}
      {estimate.status === "draft" ? (
        <DocumentFormModal kind="estimate" open={editOpen} onOpenChange={setEditOpen} document={estimate} />
      ) : null}
    </Container>
  )
}

const EstimateDetailsSection = ({ estimate }: { estimate: AdminEstimate }) => (
  <Container className="divide-y p-0">
    <SectionHeader title="Details" />
    <SectionRow title="Issued" value={formatDate(estimate.issue_date)} />
    <SectionRow
      title="Valid until"
      value={`${formatDate(estimate.valid_until)}${estimate.is_expired ? " (expired)" : ""}`}
    />
    <SectionRow title="Currency" value={estimate.currency_code.toUpperCase()} />
    <SectionRow title="Sent" value={formatDateTime(estimate.sent_at, "Not sent")} />
    {estimate.decided_at ? <SectionRow title="Decided" value={formatDateTime(estimate.decided_at)} /> : null}
  </Container>
)

const Breadcrumb = ({ id }: { id: string }) => {
  const estimate = useEstimate(id)
  return <span>{estimate.data ? estimate.data.display_number ?? "Draft estimate" : "Estimate"}</span>
}

export const handle = {
  breadcrumb: (match: { params: Record<string, string | undefined> }) => <Breadcrumb id={match.params.id!} />,
}

export default EstimateDetailPage
