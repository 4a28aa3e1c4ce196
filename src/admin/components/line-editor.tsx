import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Table, Text } from "@medusajs/ui"
import type { ComponentProps } from "react"
import { useController, useFieldArray, useWatch, type Control, type FieldPath } from "react-hook-form"
import { newDraftLine, type DocumentFormValues } from "../lib/document-form"
import { lineAmount, LINE_AMOUNT_LABEL } from "../../lib/line-amount"
import { formatMoney, previewLine, previewTotals } from "../lib/format"
import { FieldError } from "./common"

type LineField = "title" | "description" | "quantity" | "unit_price" | "tax_rate"
type InputProps = Omit<ComponentProps<typeof Input>, "name" | "value" | "onChange" | "onBlur">

/**
 * The editable lines of a draft with live amounts and totals, inside the document form. The
 * amounts are a preview: the server recomputes and stores the real ones when the draft is saved.
 * Each input's error (from the form's schema) shows under it.
 */
export const LineEditor = ({ control }: { control: Control<DocumentFormValues> }) => {
  const { fields, append, remove } = useFieldArray({ control, name: "lines" })
  const lines = useWatch({ control, name: "lines" }) ?? []
  const currencyCode = useWatch({ control, name: "currency_code" }) ?? ""
  const totals = previewTotals(lines, currencyCode)
  const money = (n: number) => (currencyCode ? formatMoney(n, currencyCode) : n.toFixed(2))

  return (
    <div className="flex flex-col gap-y-3" data-testid="line-editor">
      <div className="shadow-elevation-card-rest overflow-x-auto rounded-lg">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="min-w-[240px]">Item</Table.HeaderCell>
              <Table.HeaderCell className="w-[100px]">Quantity</Table.HeaderCell>
              <Table.HeaderCell className="w-[140px]">Unit price</Table.HeaderCell>
              <Table.HeaderCell className="w-[90px]">Tax %</Table.HeaderCell>
              <Table.HeaderCell className="w-[130px] text-right">{LINE_AMOUNT_LABEL}</Table.HeaderCell>
              <Table.HeaderCell className="w-[48px]" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {fields.length === 0 ? (
              <Table.Row>
                <td colSpan={6} className="px-6">
                  <Text size="small" className="text-ui-fg-subtle py-2">
                    No lines yet. Add what you are charging for.
                  </Text>
                </td>
              </Table.Row>
            ) : null}
            {fields.map((row, index) => {
              const amounts = previewLine(lines[index] ?? row, currencyCode)
              const n = index + 1
              const input = (name: LineField, label: string, props: InputProps = {}) => (
                <LineInput control={control} name={`lines.${index}.${name}`} label={`Line ${n} ${label}`} {...props} />
              )
              return (
                <Table.Row key={row.id} data-testid="line-row" className="[&_td]:py-2 [&_td]:align-top">
                  <Table.Cell>
                    <div className="flex flex-col gap-y-1">
                      {input("title", "title", { placeholder: "Title" })}
                      {input("description", "description", { placeholder: "Description (optional)" })}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    {input("quantity", "quantity", NUMBER)}
                  </Table.Cell>
                  <Table.Cell>
                    {input("unit_price", "unit price", { ...NUMBER, placeholder: "0.00" })}
                  </Table.Cell>
                  <Table.Cell>
                    {input("tax_rate", "tax rate", { ...NUMBER, max: 100, placeholder: "0" })}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Text size="small" leading="compact" className="pt-1.5" data-testid="line-amount">
                      {money(lineAmount(amounts))}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <IconButton
                      type="button"
                      size="small"
                      variant="transparent"
                      aria-label={`Remove line ${n}`}
                      onClick={() => remove(index)}
                    >
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      <div className="flex items-start justify-between gap-x-4">
        <Button type="button" size="small" variant="secondary" onClick={() => append(newDraftLine())}>
          <Plus />
          Add line
        </Button>
        <div className="flex min-w-[240px] flex-col gap-y-1">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1" data-testid="draft-totals">
            <Text asChild size="small" className="text-ui-fg-subtle">
              <dt>Subtotal</dt>
            </Text>
            <Text asChild size="small" className="text-right">
              <dd data-testid="draft-subtotal">{money(totals.subtotal)}</dd>
            </Text>
            <Text asChild size="small" className="text-ui-fg-subtle">
              <dt>Tax</dt>
            </Text>
            <Text asChild size="small" className="text-right">
              <dd data-testid="draft-tax">{money(totals.tax)}</dd>
            </Text>
            <Text asChild size="small" weight="plus">
              <dt>Total</dt>
            </Text>
            <Text asChild size="small" weight="plus" className="text-right">
              <dd data-testid="draft-total">{money(totals.total)}</dd>
            </Text>
          </dl>
          {/* Outside the list: a <dl> may hold only its terms and values (axe: definition-list). */}
          <Text size="xsmall" className="text-ui-fg-muted text-right">
            Preview; the saved totals are computed by the server.
          </Text>
        </div>
      </div>
    </div>
  )
}

const NUMBER = { type: "number", inputMode: "decimal", min: 0, step: "any" } satisfies InputProps

/** One input of a line, registered with the form, with its error under it. */
const LineInput = ({
  control,
  name,
  label,
  ...props
}: {
  control: Control<DocumentFormValues>
  name: FieldPath<DocumentFormValues>
  label: string
} & InputProps) => {
  const { field, fieldState } = useController({ control, name })
  const error = fieldState.error?.message
  const errorId = `${name.replace(/\./g, "-")}-error`
  return (
    <div className="flex flex-col gap-y-1">
      <Input
        size="small"
        {...props}
        {...field}
        value={field.value as string}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <FieldError id={errorId} message={error} />
    </div>
  )
}
