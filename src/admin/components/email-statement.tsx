import { DocumentText } from "@medusajs/icons"
import { Button, Input, Label, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSendStatement } from "../hooks/api"
import { errorMessage } from "../lib/errors"

/** YYYY-MM-DD of a date, in UTC (the statement's days are UTC days). */
const day = (date: Date) => date.toISOString().slice(0, 10)

/**
 * "Email statement": the owner picks a period (the last 90 days by default) and the customer is
 * emailed their statement of account for it as a PDF. The server checks the period and whether the
 * customer may be emailed, and says why not.
 */
export const EmailStatement = ({ customerId, email }: { customerId: string; email: string | null | undefined }) => {
  const today = new Date()
  const [from, setFrom] = useState(day(new Date(today.getTime() - 89 * 86_400_000)))
  const [to, setTo] = useState(day(today))
  const send = useSendStatement(customerId)

  const onSend = async () => {
    try {
      const result = await send.mutateAsync({ from, to })
      if (result.email.status === "success") {
        toast.success("Statement sent", { description: `${email} was emailed their statement for ${result.period.from} – ${result.period.to}.` })
      } else {
        toast.warning("The statement was not sent", { description: `${result.email.error ?? "The email provider refused it."} Try again.` })
      }
    } catch (error) {
      toast.error("Could not send the statement", { description: errorMessage(error) })
    }
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="email-statement">
      <Text size="small" weight="plus">
        Statement of account
      </Text>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="statement-from">
            From
          </Label>
          <Input id="statement-from" size="small" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="statement-to">
            To
          </Label>
          <Input id="statement-to" size="small" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <Button size="small" variant="secondary" onClick={onSend} isLoading={send.isPending} disabled={!email || !from || !to}>
          <DocumentText />
          Email statement
        </Button>
      </div>
    </div>
  )
}
