import { ArrowPath, DocumentText } from "@medusajs/icons"
import { Container, Text, toast, usePrompt } from "@medusajs/ui"
import { Link, useNavigate, useParams } from "react-router-dom"
import type { AdminEstimate, AdminEstimateRevisionLink } from "../../../../types/http"
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
import { EstimateDepositSection } from "../../../components/estimate-deposit"
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
          <EstimateDepositSection key={`${data.id}-${data.deposit_type}-${data.deposit_value}`} estimate={data} />
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
  const revise = useDocumentAction("estimate", "revise")

  const onRevise = async () => {
    const confirmed = await prompt({
      title: "Revise this estimate?",
      description: `A new draft ${estimate.display_number ?? ""}-${(estimate.revision ?? 1) + 1} is created with the same customer, currency, notes and lines. This rejected estimate and the customer's decision stay as they are. The customer sees the revision once you send it.`,
      confirmText: "Create revision",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    try {
      const { estimate: revision } = await revise.mutateAsync({ id: estimate.id })
      toast.success(`Draft ${revision?.display_number ?? "revision"} created`, { description: "Edit it, then send it to the customer." })
      if (revision) navigate(`/estimates/${revision.id}`)
    } catch (error) {
      toast.error("Could not revise the estimate", { description: errorMessage(error) })
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

  const actions: DocumentHeaderAction[] = []
  if (estimate.status === "accepted" && !estimate.invoice_id) {
    actions.push({ label: "Convert to invoice", icon: <ArrowPath />, onClick: onConvert, isLoading: convert.isPending, primary: true })
  }
  if (estimate.invoice_id) {
    actions.push({ label: "View invoice", to: `/invoices/${estimate.invoice_id}` })
  }
  if (estimate.revised_as) {
    actions.push({ label: `View ${estimate.revised_as.display_number ?? "revision"}`, to: `/estimates/${estimate.revised_as.id}` })
  } else if (estimate.status === "rejected") {
    actions.push({ label: "Revise", icon: <DocumentText />, onClick: onRevise, isLoading: revise.isPending, primary: true })
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
    {estimate.revision_of ? (
      <SectionRow title="Revision of" value={<RevisionLink link={estimate.revision_of} />} testId="estimate-revision-of" />
    ) : null}
    {estimate.revised_as ? (
      <SectionRow title="Revised as" value={<RevisionLink link={estimate.revised_as} />} testId="estimate-revised-as" />
    ) : null}
  </Container>
)

/** A neighbour in the revision history: its number (a link) and its state. */
const RevisionLink = ({ link }: { link: AdminEstimateRevisionLink }) => (
  <Text size="small" leading="compact">
    <Link to={`/estimates/${link.id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      {link.display_number ?? "Draft estimate"}
    </Link>{" "}
    <span className="text-ui-fg-muted">({link.status === "sent" ? "pending" : link.status})</span>
  </Text>
)

const Breadcrumb = ({ id }: { id: string }) => {
  const estimate = useEstimate(id)
  return <span>{estimate.data ? estimate.data.display_number ?? "Draft estimate" : "Estimate"}</span>
}

export const handle = {
  breadcrumb: (match: { params: Record<string, string | undefined> }) => <Breadcrumb id={match.params.id!} />,
}

export default EstimateDetailPage
