import { ArrowPath } from "@medusajs/icons"
import { Container, Text, toast, usePrompt } from "@medusajs/ui"
import { useNavigate, useParams } from "react-router-dom"
import type { AdminEstimate } from "../../../../types/http"
import { SectionHeader, SectionRow } from "../../../components/common"
import { DocumentHeader, type DocumentHeaderAction } from "../../../components/document-header"
import {
  CustomerSection,
  DetailLayout,
  DetailSkeleton,
  DocumentActivitySection,
  LinesSection,
  NotFoundOrError,
  NotesSection,
} from "../../../components/document-sections"
import { EstimateDecisionsSection } from "../../../components/estimate-decisions"
import { EstimateStatusBadge } from "../../../components/status-badges"
import { useDocumentAction, useEstimate } from "../../../hooks/api"
import { errorMessage } from "../../../lib/errors"
import { formatDate, formatDateTime } from "../../../lib/format"

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
          <EstimateDecisionsSection estimateId={data.id} />
          <DocumentActivitySection
            document={data}
            ownDates={[{ id: "created", title: "Draft created", actor: "You", at: data.created_at }]}
          />
        </>
      }
    />
  )
}

/** The estimate's own actions; Delete, Edit, Send and Resend come with the shared header. */
const EstimateHeader = ({ estimate }: { estimate: AdminEstimate }) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const convert = useDocumentAction("estimate", "convert")

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

  const actions: DocumentHeaderAction[] = []
  if (estimate.status === "accepted" && !estimate.invoice_id) {
    actions.push({ label: "Convert to invoice", icon: <ArrowPath />, onClick: onConvert, isLoading: convert.isPending, primary: true })
  }
  if (estimate.invoice_id) {
    actions.push({ label: "View invoice", to: `/invoices/${estimate.invoice_id}` })
  }
  return (
    <DocumentHeader
      kind="estimate"
      document={estimate}
      badge={<EstimateStatusBadge status={estimate.display_status} expired={estimate.is_expired} />}
      actions={actions}
    >
      {estimate.decision_note ? (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            The customer wrote: “{estimate.decision_note}”
          </Text>
        </div>
      ) : null}
    </DocumentHeader>
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
