import { zodResolver } from "@hookform/resolvers/zod"
import { Button, Drawer, Input, Select, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { useForm } from "react-hook-form"
import { z } from "zod"
import { OFFLINE_PAYMENT_METHODS, PAYMENT_METHOD_LABELS } from "../../lib/payment-methods"
import type { AdminInvoice } from "../../types/http"
import { useRecordPayment } from "../hooks/api"
import { errorMessage } from "../lib/errors"
import { formatMoney, fromDateInput, toDateInput } from "../lib/format"
import { FieldError } from "./common"
import { FormField } from "./form-field"
import { DrawerHeader } from "./overlay-headers"

const paymentSchema = z.object({
  amount: z.string().refine((v) => v.trim() !== "" && Number(v) > 0, "Enter the amount received, above 0."),
  method: z.enum(OFFLINE_PAYMENT_METHODS),
  paid_at: z.string(),
  reference: z.string().max(500, "Keep the reference under 500 characters."),
})
type PaymentForm = z.infer<typeof paymentSchema>

const initialValues = (invoice: AdminInvoice): PaymentForm => ({
  amount: String(Number(invoice.open_amount ?? 0)),
  method: "bank_transfer",
  paid_at: toDateInput(new Date()),
  reference: "",
})

/** Records an offline payment (cash, check, transfer…) against a sent invoice. */
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
  const form = useForm<PaymentForm>({ resolver: zodResolver(paymentSchema), defaultValues: initialValues(invoice) })
  const record = useRecordPayment()

  useEffect(() => {
    if (open) form.reset(initialValues(invoice))
  }, [open, invoice.open_amount])

  const submit = form.handleSubmit(async (values) => {
    try {
      const { invoice: updated } = await record.mutateAsync({
        id: invoice.id,
        body: {
          amount: Number(values.amount),
          method: values.method,
          paid_at: fromDateInput(values.paid_at) ?? undefined,
          reference: values.reference.trim() || null,
        },
      })
      toast.success("Payment recorded", {
        description:
          updated.status === "paid"
            ? `${updated.display_number} is paid in full.`
            : `${formatMoney(updated.open_amount ?? 0, updated.currency_code)} is still due.`,
      })
      onOpenChange(false)
    } catch (error) {
      form.setError("root.server", { message: errorMessage(error) })
      toast.error("Could not record the payment", { description: errorMessage(error) })
    }
  })

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <DrawerHeader>
            <Drawer.Title>Record payment</Drawer.Title>
          </DrawerHeader>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              For money received outside the portal. {formatMoney(due, invoice.currency_code)} is due on{" "}
              {invoice.display_number}.
            </Text>
            <FieldError message={form.formState.errors.root?.server?.message} />
            <FormField
              control={form.control}
              name="amount"
              id="payment-amount"
              label={`Amount (${invoice.currency_code.toUpperCase()})`}
              render={({ field, control }) => (
                <Input {...field} {...control} type="number" inputMode="decimal" min={0} step="any" />
              )}
            />
            <FormField
              control={form.control}
              name="method"
              id="payment-method"
              label="Method"
              render={({ field, control }) => (
                <Select value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger {...control} onBlur={field.onBlur}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {OFFLINE_PAYMENT_METHODS.map((method) => (
                      <Select.Item key={method} value={method}>
                        {PAYMENT_METHOD_LABELS[method]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              )}
            />
            <FormField
              control={form.control}
              name="paid_at"
              id="payment-date"
              label="Received on"
              render={({ field, control }) => <Input {...field} {...control} type="date" />}
            />
            <FormField
              control={form.control}
              name="reference"
              id="payment-reference"
              label="Reference"
              optional="(optional)"
              render={({ field, control }) => (
                <Input {...field} {...control} placeholder="Check number, bank reference…" />
              )}
            />
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
