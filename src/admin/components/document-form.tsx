import { Alert, Button, FocusModal, Heading, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { FormEvent, useEffect, useMemo, useState } from "react"
import { useSaveDocument, useStoreCurrencies } from "../hooks/api"
import { errorMessage, fieldErrors } from "../lib/errors"
import { fromDateInput, isKnownCurrency, toDateInput } from "../lib/format"
import type { AdminDocument, AdminDocumentInput, AdminEstimate, AdminInvoice, DocumentKind } from "../lib/types"
import { CustomerPicker } from "./customer-picker"
import { FieldError } from "./common"
import { DraftLine, LineEditor, newDraftLine } from "./line-editor"

const FIELDS = [
  "customer_id",
  "currency_code",
  "issue_date",
  "due_date",
  "valid_until",
  "notes",
  "internal_note",
  "lines",
] as const
type Field = (typeof FIELDS)[number]

type FormState = {
  customer_id: string
  currency_code: string
  issue_date: string
  /** due_date for an invoice, valid_until for an estimate */
  end_date: string
  notes: string
  internal_note: string
  lines: DraftLine[]
}

const today = () => toDateInput(new Date())

function initialState(kind: DocumentKind, doc?: AdminDocument | null, defaults: Partial<FormState> = {}): FormState {
  if (!doc) {
    return {
      customer_id: "",
      currency_code: "",
      issue_date: today(),
      end_date: "",
      notes: "",
      internal_note: "",
      lines: [newDraftLine()],
      ...defaults,
    }
  }
  const end = kind === "invoice" ? (doc as AdminInvoice).due_date : (doc as AdminEstimate).valid_until
  return {
    customer_id: doc.customer_id,
    currency_code: doc.currency_code,
    issue_date: toDateInput(doc.issue_date),
    end_date: toDateInput(end),
    notes: doc.notes ?? "",
    internal_note: doc.internal_note ?? "",
    lines: (doc.lines ?? []).map((line) =>
      newDraftLine({
        title: line.title,
        description: line.description ?? "",
        quantity: String(line.quantity),
        unit_price: String(line.unit_price),
        tax_rate: line.tax_rate == null ? "" : String(line.tax_rate),
      })
    ),
  }
}

function toBody(kind: DocumentKind, state: FormState): AdminDocumentInput {
  const num = (value: string) => (value.trim() === "" ? NaN : Number(value))
  return {
    customer_id: state.customer_id,
    currency_code: state.currency_code.trim().toLowerCase(),
    ...(state.issue_date ? { issue_date: fromDateInput(state.issue_date)! } : {}),
    [kind === "invoice" ? "due_date" : "valid_until"]: fromDateInput(state.end_date),
    notes: state.notes.trim() || null,
    internal_note: state.internal_note.trim() || null,
    lines: state.lines.map((line) => ({
      title: line.title.trim(),
      description: line.description.trim() || null,
      quantity: num(line.quantity),
      unit_price: num(line.unit_price),
      tax_rate: line.tax_rate.trim() === "" ? null : Number(line.tax_rate),
    })),
  }
}

/** What the owner must fix before the request is worth sending; the server checks the rest. */
function checkLocally(kind: DocumentKind, state: FormState): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {}
  if (!state.customer_id) {
    errors.customer_id = `Choose the customer this ${kind} is for.`
  }
  if (!isKnownCurrency(state.currency_code.trim())) {
    errors.currency_code = "Choose a currency (a 3-letter ISO code such as usd or eur)."
  }
  const problems = state.lines.flatMap((line, i) => {
    const issues: string[] = []
    if (!line.title.trim()) issues.push(`line ${i + 1} needs a title`)
    if (!(Number(line.quantity) > 0)) issues.push(`line ${i + 1} needs a quantity above 0`)
    if (line.unit_price.trim() === "" || !(Number(line.unit_price) >= 0)) issues.push(`line ${i + 1} needs a unit price`)
    if (line.tax_rate.trim() !== "" && !(Number(line.tax_rate) >= 0 && Number(line.tax_rate) <= 100)) {
      issues.push(`line ${i + 1} needs a tax rate between 0 and 100`)
    }
    return issues
  })
  if (problems.length) {
    errors.lines = `Check the lines: ${problems.join(", ")}.`
  }
  if (state.end_date && state.issue_date && state.end_date < state.issue_date) {
    errors[kind === "invoice" ? "due_date" : "valid_until"] = `Must not be before the issue date.`
  }
  return errors
}

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
  kind: DocumentKind
  open: boolean
  onOpenChange: (open: boolean) => void
  document?: AdminDocument | null
  defaults?: Partial<Pick<FormState, "customer_id">>
  onSaved?: (doc: AdminDocument) => void
}) => {
  const [state, setState] = useState<FormState>(() => initialState(kind, document, defaults))
  const [errors, setErrors] = useState<Partial<Record<Field | "", string>>>({})
  const save = useSaveDocument(kind)
  const currencies = useStoreCurrencies()
  const noun = kind === "invoice" ? "invoice" : "estimate"
  const endField = kind === "invoice" ? "due_date" : "valid_until"

  // A fresh form each time the modal opens (not when the document refetches while it is open).
  useEffect(() => {
    if (open) {
      setState(initialState(kind, document, defaults))
      setErrors({})
    }
  }, [open])

  // A new document takes the store's default currency once it is known.
  useEffect(() => {
    if (open && !state.currency_code && currencies.data?.length) {
      setState((s) => (s.currency_code ? s : { ...s, currency_code: currencies.data![0] }))
    }
  }, [open, currencies.data, state.currency_code])

  const currencyOptions = useMemo(() => {
    const list = [...(currencies.data ?? [])]
    if (state.currency_code && !list.includes(state.currency_code)) {
      list.push(state.currency_code)
    }
    return list
  }, [currencies.data, state.currency_code])

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setState((s) => ({ ...s, [key]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const local = checkLocally(kind, state)
    setErrors(local)
    if (Object.keys(local).length) {
      return
    }
    try {
      const response = await save.mutateAsync({ id: document?.id, body: toBody(kind, state) })
      const saved = (response.invoice ?? response.estimate)!
      toast.success(document ? `Draft ${noun} saved` : `Draft ${noun} created`, {
        description: "Totals were computed by the server.",
      })
      onOpenChange(false)
      onSaved?.(saved)
    } catch (error) {
      const byField = fieldErrors(error, FIELDS)
      setErrors(Object.keys(byField).length ? byField : { "": errorMessage(error) })
      toast.error(`Could not save the ${noun}`, { description: errorMessage(error) })
    }
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModal.Header />
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

              {errors[""] ? (
                <Alert variant="error" dismissible={false}>
                  {errors[""]}
                </Alert>
              ) : null}

              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <div className="flex flex-col gap-y-2 md:col-span-2">
                  <Label htmlFor="document-customer" weight="plus">
                    Customer
                  </Label>
                  <CustomerPicker
                    id="document-customer"
                    value={state.customer_id}
                    onChange={(customer) => set("customer_id", customer?.id ?? "")}
                    invalid={!!errors.customer_id}
                  />
                  <FieldError message={errors.customer_id} />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="document-currency" weight="plus">
                    Currency
                  </Label>
                  {currencyOptions.length ? (
                    <Select value={state.currency_code} onValueChange={(v) => set("currency_code", v)}>
                      <Select.Trigger id="document-currency" aria-invalid={!!errors.currency_code || undefined}>
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
                    <Input
                      id="document-currency"
                      placeholder="usd"
                      maxLength={3}
                      value={state.currency_code}
                      onChange={(e) => set("currency_code", e.target.value)}
                      aria-invalid={!!errors.currency_code || undefined}
                    />
                  )}
                  <FieldError message={errors.currency_code} />
                </div>
                <div className="hidden md:block" />
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="document-issue-date" weight="plus">
                    Issue date
                  </Label>
                  <Input
                    id="document-issue-date"
                    type="date"
                    value={state.issue_date}
                    onChange={(e) => set("issue_date", e.target.value)}
                  />
                  <FieldError message={errors.issue_date} />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="document-end-date" weight="plus">
                    {kind === "invoice" ? "Due date" : "Valid until"}{" "}
                    <span className="text-ui-fg-muted font-normal">(optional)</span>
                  </Label>
                  <Input
                    id="document-end-date"
                    type="date"
                    value={state.end_date}
                    onChange={(e) => set("end_date", e.target.value)}
                    aria-invalid={!!errors[endField] || undefined}
                  />
                  <FieldError message={errors[endField]} />
                </div>
              </div>

              <div className="flex flex-col gap-y-2">
                <Heading level="h2">Lines</Heading>
                <LineEditor
                  lines={state.lines}
                  onChange={(lines) => set("lines", lines)}
                  currencyCode={state.currency_code}
                  error={errors.lines}
                />
              </div>

              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="document-notes" weight="plus">
                    Notes for the customer <span className="text-ui-fg-muted font-normal">(optional)</span>
                  </Label>
                  <Textarea id="document-notes" rows={4} value={state.notes} onChange={(e) => set("notes", e.target.value)} />
                  <FieldError message={errors.notes} />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="document-internal-note" weight="plus">
                    Internal note <span className="text-ui-fg-muted font-normal">(never shown to the customer)</span>
                  </Label>
                  <Textarea
                    id="document-internal-note"
                    rows={4}
                    value={state.internal_note}
                    onChange={(e) => set("internal_note", e.target.value)}
                  />
                  <FieldError message={errors.internal_note} />
                </div>
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
