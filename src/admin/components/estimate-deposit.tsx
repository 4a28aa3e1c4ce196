import { Button, Container, Input, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import type { AdminEstimate } from "../../types/http"
import { useEstimateDeposit } from "../hooks/api"
import { errorMessage } from "../lib/errors"
import { formatDateTime, formatMoney } from "../lib/format"
import { SectionHeader, SectionRow } from "./common"

type Kind = "none" | "percent" | "amount"

/**
 * The deposit the customer is asked to pay once they approve (issue #15): a percentage of the
 * total or a fixed amount, editable while the estimate is a draft or pending. What it comes to
 * and what was paid are the server's figures.
 */
export const EstimateDepositSection = ({ estimate }: { estimate: AdminEstimate }) => {
  const save = useEstimateDeposit()
  const [kind, setKind] = useState<Kind>(estimate.deposit_type ?? "none")
  const [value, setValue] = useState(estimate.deposit_value == null ? "" : String(estimate.deposit_value))
  const editable = estimate.status === "draft" || estimate.status === "sent"
  const currency = estimate.currency_code
  const paid = Number(estimate.deposit_paid ?? 0)

  const onSave = async () => {
    try {
      await save.mutateAsync({ id: estimate.id, body: kind === "none" ? { type: null } : { type: kind, value: value.trim() } })
      toast.success(kind === "none" ? "Deposit removed" : "Deposit saved")
    } catch (error) {
      toast.error("Could not save the deposit", { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="estimate-deposit">
      <SectionHeader title="Deposit" />
      <SectionRow
        title="Asked after approval"
        value={estimate.deposit_amount ? `${formatMoney(estimate.deposit_amount, currency)}${estimate.deposit_type === "percent" ? ` (${estimate.deposit_value} %)` : ""}` : "None"}
      />
      {paid > 0 ? (
        <SectionRow title="Paid online" value={`${formatMoney(paid, currency)} · ${formatDateTime(estimate.deposit_paid_at ?? null)}`} />
      ) : null}
      {editable ? (
        <form
          className="flex flex-col gap-y-2 px-6 py-4"
          onSubmit={(e) => {
            e.preventDefault()
            onSave()
          }}
        >
          <label htmlFor="deposit-kind" className="txt-compact-small">
            Deposit
          </label>
          <Select value={kind} onValueChange={(v) => setKind(v as Kind)}>
            <Select.Trigger id="deposit-kind">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="none">No deposit</Select.Item>
              <Select.Item value="percent">Percent of the total</Select.Item>
              <Select.Item value="amount">Fixed amount ({currency.toUpperCase()})</Select.Item>
            </Select.Content>
          </Select>
          {kind === "none" ? null : (
            <>
              <label htmlFor="deposit-value" className="txt-compact-small">
                {kind === "percent" ? "Percent (up to 100)" : `Amount in ${currency.toUpperCase()} (up to the total)`}
              </label>
              <Input id="deposit-value" type="number" inputMode="decimal" min={0} step="any" value={value} onChange={(e) => setValue(e.target.value)} />
            </>
          )}
          <Button size="small" variant="secondary" type="submit" isLoading={save.isPending}>
            Save deposit
          </Button>
        </form>
      ) : (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            The deposit can be changed only before the customer decides.
          </Text>
        </div>
      )}
    </Container>
  )
}
