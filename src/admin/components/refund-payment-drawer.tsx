import { Button, Drawer, Input, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AdminInvoice, AdminInvoicePayment } from "../../types/http"
import { useRefundPayment } from "../hooks/api"
import { errorMessage } from "../lib/errors"
import { formatMoney } from "../lib/format"
import { FieldError } from "./common"
import { DrawerHeader } from "./overlay-headers"

/**
 * Refunds all or part of one online payment: Stripe gives the money back and the customer is
 * emailed. The server checks the amount (at most what is left of the payment).
 */
export const RefundPaymentDrawer = ({
  invoice,
  payment,
  onClose,
}: {
  invoice: AdminInvoice
  payment: AdminInvoicePayment | null
  onClose: () => void
}) => {
  const left = payment ? Number(payment.amount) - Number(payment.refunded_amount ?? 0) : 0
  const [amount, setAmount] = useState("")
  const [note, setNote] = useState("")
  const [error, setError] = useState<string | undefined>()
  const refund = useRefundPayment()

  useEffect(() => {
    if (payment) {
      setAmount(String(Math.round(left * 1000) / 1000))
      setNote("")
      setError(undefined)
    }
  }, [payment?.id])

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!payment) return
    const value = Number(amount)
    if (!(value > 0)) {
      setError("Enter the amount to refund, above 0.")
      return
    }
    try {
      await refund.mutateAsync({ id: invoice.id, body: { payment_id: payment.id, amount: value, note: note.trim() || null } })
      toast.success("Refund made", { description: `${formatMoney(value, invoice.currency_code)} goes back to the customer's card.` })
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      toast.error("Could not refund", { description: errorMessage(e) })
    }
  }

  return (
    <Drawer open={Boolean(payment)} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <DrawerHeader>
            <Drawer.Title>Refund payment</Drawer.Title>
          </DrawerHeader>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Up to {formatMoney(left, invoice.currency_code)} of this card payment can be refunded. The customer is emailed.
            </Text>
            <FieldError message={error} />
            <div className="flex flex-col gap-y-2">
              <label htmlFor="refund-amount" className="txt-compact-small-plus">
                Amount ({invoice.currency_code.toUpperCase()})
              </label>
              <Input id="refund-amount" type="number" inputMode="decimal" min={0} step="any" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </div>
            <div className="flex flex-col gap-y-2">
              <label htmlFor="refund-note" className="txt-compact-small-plus">
                Note (optional)
              </label>
              <Input id="refund-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button type="button" size="small" variant="secondary">
                Cancel
              </Button>
            </Drawer.Close>
            <Button type="submit" size="small" isLoading={refund.isPending}>
              Refund
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
