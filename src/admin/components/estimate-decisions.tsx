import { Badge, Container, Copy, Text } from "@medusajs/ui"
import type { AdminEstimateDecision } from "../../types/http"
import { useEstimateDecisions } from "../hooks/api"
import { formatDateTime } from "../lib/format"
import { SectionHeader, SectionRow } from "./common"

/**
 * The customer's signed decision records on an estimate: who typed which name, when, through
 * which portal session, from which address and browser, and the fingerprint of the estimate as
 * it was shown. Records are append-only; the latest stands.
 */
export const EstimateDecisionsSection = ({ estimateId }: { estimateId: string }) => {
  const decisions = useEstimateDecisions(estimateId)
  if (!decisions.data?.length) {
    return null
  }
  return (
    <Container className="divide-y p-0" data-testid="estimate-decision-record">
      <SectionHeader title="Customer's decision" description="Recorded when the customer decided; it cannot be changed." />
      {[...decisions.data].reverse().map((record) => (
        <DecisionRecord key={record.id} record={record} />
      ))}
    </Container>
  )
}

const DecisionRecord = ({ record }: { record: AdminEstimateDecision }) => (
  <div className="divide-y">
    <SectionRow
      title="Decision"
      value={
        <Badge size="2xsmall" color={record.decision === "accepted" ? "green" : "red"}>
          {record.decision === "accepted" ? "Approved" : "Rejected"}
        </Badge>
      }
    />
    <SectionRow title="Signed name" value={record.signed_name ?? "Not typed"} />
    <SectionRow title="When" value={formatDateTime(record.decided_at)} />
    {record.note ? <SectionRow title="Reason" value={record.note} /> : null}
    {record.accepted_terms ? <SectionRow title="Terms accepted" value={record.accepted_terms} /> : null}
    <SectionRow title="Address" value={record.ip ?? "Unknown"} />
    <SectionRow title="Browser" value={<Text size="small" className="break-all">{record.user_agent ?? "Unknown"}</Text>} />
    <SectionRow title="Portal session" value={record.portal_session_id ?? "Customer's own login"} />
    <SectionRow
      title="Document SHA-256"
      value={
        <div className="flex items-start gap-x-1">
          <Text size="xsmall" className="break-all font-mono">
            {record.document_hash}
          </Text>
          <Copy content={record.document_hash} />
        </div>
      }
    />
  </div>
)
