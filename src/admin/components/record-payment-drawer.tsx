import { Button, Drawer, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { FormEvent, useEffect, useState } from "react"
import { useRecordPayment } from "../hooks/api"
import { errorMessage, fieldErrors } from "../lib/errors"
import { formatMoney, fromDateInput, toDateInput } from "../lib/format"
import type { AdminInvoice } from "../lib/types"
import { FieldError } from "./common"

const METHODS = [
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "cash", label: "Cash" },
  { value: "check", label: "Check" },
  { value: "card", label: "Card (in person)" },
  { value: "other", label: "Other" },
]

const FIELDS = ["amount", "method", "paid_at", "reference"] as const

/** Records an offline payment (cash, cheque, transfer…) against a sent invoice. */
export const RecordPaymentDrawer = ({
  invoice,
  open,
  onOpenChange,
}: {
  invoice: AdminInvoice
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const due = Number(invoice.open_amount ?? 0)
  const [amount, setAmount] = useState(String(due))
  const [method, setMethod] = useState("bank_transfer")
  const [paidAt, setPaidAt] = useState(toDateInput(new Date()))
  const [reference, setReference] = useState("")
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number] | "", string>>>({})
  const record = useRecordPayment()

  useEffect(() => {
    if (open) {
      setAmount(String(Number(invoice.open_amount ?? 0)))
      setMethod("bank_transfer")
      setPaidAt(toDateInput(new Date()))
      setReference("")
      setErrors({})
    }
  }, [open, invoice.open_amount])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const value = Number(amount)
    if (!(value > 0)) {
      setErrors({ amount: "Enter the amount received, above 0." })
      return
    }
    try {
      const { invoice: updated } = await record.mutateAsync({
        id: invoice.id,
        body: { amount: value, method, paid_at: fromDateInput(paidAt) ?? undefined, reference: reference.trim() || null },
      })
      toast.success("Payment recorded", {
        description:
          updated.status === "paid"
            ? `${updated.display_number} is paid in full.`
            : `${formatMoney(updated.open_amount ?? 0, updated.currency_code)} is still due.`,
      })
      onOpenChange(false)
    } catch (error) {
      const byField = fieldErrors(error, FIELDS)
      setErrors(Object.keys(byField).length ? byField : { "": errorMessage(error) })
      toast.error("Could not record the payment", { description: errorMessage(error) })
    }
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <Drawer.Header>
            <Drawer.Title>Record payment</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              For money received outside the portal. {formatMoney(due, invoice.currency_code)} is due on{" "}
              {invoice.display_number}.
            </Text>
            {errors[""] ? <FieldError message={errors[""]} /> : null}
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="payment-amount" weight="plus">
                Amount ({invoice.currency_code.toUpperCase()})
              </Label>
              <Input
                id="payment-amount"
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                aria-invalid={!!errors.amount || undefined}
              />
              <FieldError message={errors.amount} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="payment-method" weight="plus">
                Method
              </Label>
              <Select value={method} onValueChange={setMethod}>
                <Select.Trigger id="payment-method">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {METHODS.map((m) => (
                    <Select.Item key={m.value} value={m.value}>
                      {m.label}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
              <FieldError message={errors.method} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="payment-date" weight="plus">
                Received on
              </Label>
              <Input id="payment-date" type="date" value={paidAt} onChange={(e) => setPaidAt(e.target.value)} />
              <FieldError message={errors.paid_at} />
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="payment-reference" weight="plus">
                Reference <span className="text-ui-fg-muted font-normal">(optional)</span>
              </Label>
              <Input
                id="payment-reference"
                placeholder="Cheque number, bank reference…"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
              <FieldError message={errors.reference} />
            </div>
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button type="button" size="small" variant="secondary">
                Cancel
              </Button>
            </Drawer.Close>
            <Button type="submit" size="small" isLoading={record.isPending}>
              Record payment
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
