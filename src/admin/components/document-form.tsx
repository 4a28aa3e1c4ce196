import { zodResolver } from "@hookform/resolvers/zod"
import { Alert, Button, FocusModal, Heading, Input, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useMemo } from "react"
import { useForm, useWatch } from "react-hook-form"
import type { AdminDocument, AdminDocumentKind } from "../../types/http"
import { useSaveDocument, useStoreCurrencies } from "../hooks/api"
import { documentSchema, initialValues, toBody, type DocumentFormValues } from "../lib/document-form"
import { errorMessage } from "../lib/errors"
import { CustomerPicker } from "./customer-picker"
import { FormField } from "./form-field"
import { LineEditor } from "./line-editor"
import { FocusModalHeader } from "./overlay-headers"

/**
 * Create or edit a draft invoice / estimate in a focus modal: customer, currency, dates, notes and
 * an editable line table with live totals. Saving keeps it a draft; sending is a separate action
 * on the detail page.
 */
export const DocumentFormModal = ({
  kind,
  open,
  onOpenChange,
  document,
  defaults,
  onSaved,
}: {
  kind: AdminDocumentKind
  open: boolean
  onOpenChange: (open: boolean) => void
  document?: AdminDocument | null
  defaults?: Partial<Pick<DocumentFormValues, "customer_id">>
  onSaved?: (doc: AdminDocument) => void
}) => {
  const schema = useMemo(() => documentSchema(kind), [kind])
  const form = useForm<DocumentFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initialValues(kind, document, defaults),
  })
  const { control } = form
  const save = useSaveDocument(kind)
  const currencies = useStoreCurrencies()
  const currencyCode = useWatch({ control, name: "currency_code" })
  const noun = kind

  // A fresh form each time the modal opens (not when the document refetches while it is open).
  useEffect(() => {
    if (open) form.reset(initialValues(kind, document, defaults))
  }, [open])

  // A new document takes the store's default currency once it is known.
  useEffect(() => {
    if (open && !currencyCode && currencies.data?.length) {
      form.setValue("currency_code", currencies.data[0])
    }
  }, [open, currencies.data, currencyCode])

  const currencyOptions = useMemo(() => {
    const list = [...(currencies.data ?? [])]
    if (currencyCode && !list.includes(currencyCode)) {
      list.push(currencyCode)
    }
    return list
  }, [currencies.data, currencyCode])

  const submit = form.handleSubmit(async (values) => {
    try {
      const response = await save.mutateAsync({ id: document?.id, body: toBody(kind, values) })
      const saved = (response.invoice ?? response.estimate)!
      toast.success(document ? `Draft ${noun} saved` : `Draft ${noun} created`, {
        description: "Totals were computed by the server.",
      })
      onOpenChange(false)
      onSaved?.(saved)
    } catch (error) {
      form.setError("root.server", { message: errorMessage(error) })
      toast.error(`Could not save the ${noun}`, { description: errorMessage(error) })
    }
  })
  const serverError = form.formState.errors.root?.server?.message

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModalHeader />
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto">
            <div className="flex w-full max-w-[880px] flex-col gap-y-8 px-4 py-12">
              <div className="flex flex-col gap-y-1">
                <FocusModal.Title asChild>
                  <Heading>{document ? `Edit draft ${noun}` : `Create ${noun}`}</Heading>
                </FocusModal.Title>
                <Text size="small" className="text-ui-fg-subtle">
                  {kind === "invoice"
                    ? "Saved as a draft. The customer sees it once you send it; it gets its number then."
                    : "Saved as a draft. Send it to ask the customer to accept or reject it."}
                </Text>
              </div>

              {serverError ? (
                <Alert variant="error" dismissible={false} data-testid="form-error">
                  {serverError}
                </Alert>
              ) : null}

              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <FormField
                  control={control}
                  name="customer_id"
                  id="document-customer"
                  label="Customer"
                  className="flex flex-col gap-y-2 md:col-span-2"
                  render={({ field, control: aria }) => (
                    <CustomerPicker
                      id={aria.id}
                      value={field.value}
                      onChange={(customer) => field.onChange(customer?.id ?? "")}
                      invalid={!!aria["aria-invalid"]}
                      describedBy={aria["aria-describedby"]}
                    />
                  )}
                />
                <FormField
                  control={control}
                  name="currency_code"
                  id="document-currency"
                  label="Currency"
                  render={({ field, control: aria }) =>
                    currencyOptions.length ? (
                      <Select value={field.value} onValueChange={field.onChange}>
                        <Select.Trigger {...aria} onBlur={field.onBlur}>
                          <Select.Value placeholder="Choose a currency" />
                        </Select.Trigger>
                        <Select.Content>
                          {currencyOptions.map((code) => (
                            <Select.Item key={code} value={code}>
                              {code.toUpperCase()}
                            </Select.Item>
                          ))}
                        </Select.Content>
                      </Select>
                    ) : (
                      <Input {...field} {...aria} placeholder="usd" maxLength={3} />
                    )
                  }
                />
                <div className="hidden md:block" />
                <FormField
                  control={control}
                  name="issue_date"
                  id="document-issue-date"
                  label="Issue date"
                  render={({ field, control: aria }) => <Input {...field} {...aria} type="date" />}
                />
                <FormField
                  control={control}
                  name="end_date"
                  id="document-end-date"
                  label={kind === "invoice" ? "Due date" : "Valid until"}
                  optional="(optional)"
                  render={({ field, control: aria }) => <Input {...field} {...aria} type="date" />}
                />
              </div>

              <div className="flex flex-col gap-y-2">
                <Heading level="h2">Lines</Heading>
                <LineEditor control={control} />
              </div>

              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <FormField
                  control={control}
                  name="notes"
                  id="document-notes"
                  label="Notes for the customer"
                  optional="(optional)"
                  render={({ field, control: aria }) => <Textarea {...field} {...aria} rows={4} />}
                />
                <FormField
                  control={control}
                  name="internal_note"
                  id="document-internal-note"
                  label="Internal note"
                  optional="(never shown to the customer)"
                  render={({ field, control: aria }) => <Textarea {...field} {...aria} rows={4} />}
                />
              </div>
            </div>
          </FocusModal.Body>
          <FocusModal.Footer>
            <FocusModal.Close asChild>
              <Button type="button" size="small" variant="secondary">
                Cancel
              </Button>
            </FocusModal.Close>
            <Button type="submit" size="small" isLoading={save.isPending}>
              Save draft
            </Button>
          </FocusModal.Footer>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
