import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Table, Text } from "@medusajs/ui"
import { formatMoney, previewLine, previewTotals } from "../lib/format"

/** A line as typed: strings, so a half-typed "1." is not turned into 1 under the owner's cursor. */
export type DraftLine = {
  key: string
  title: string
  description: string
  quantity: string
  unit_price: string
  tax_rate: string
}

let keySeq = 0
export const newDraftLine = (init: Partial<DraftLine> = {}): DraftLine => ({
  key: `line-${Date.now()}-${++keySeq}`,
  title: "",
  description: "",
  quantity: "1",
  unit_price: "",
  tax_rate: "",
  ...init,
})

/**
 * The editable lines of a draft with live amounts and totals. The amounts are a preview: the
 * server recomputes and stores the real ones when the draft is saved.
 */
export const LineEditor = ({
  lines,
  onChange,
  currencyCode,
  error,
}: {
  lines: DraftLine[]
  onChange: (lines: DraftLine[]) => void
  currencyCode: string
  error?: string
}) => {
  const update = (key: string, patch: Partial<DraftLine>) =>
    onChange(lines.map((line) => (line.key === key ? { ...line, ...patch } : line)))
  const remove = (key: string) => onChange(lines.filter((line) => line.key !== key))
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
              <Table.HeaderCell className="w-[130px] text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell className="w-[48px]" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {lines.length === 0 ? (
              <Table.Row>
                <td colSpan={6} className="px-6">
                  <Text size="small" className="text-ui-fg-subtle py-2">
                    No lines yet. Add what you are charging for.
                  </Text>
                </td>
              </Table.Row>
            ) : null}
            {lines.map((line, index) => {
              const amounts = previewLine(line, currencyCode)
              const n = index + 1
              return (
                <Table.Row key={line.key} data-testid="line-row" className="[&_td]:py-2 [&_td]:align-top">
                  <Table.Cell>
                    <div className="flex flex-col gap-y-1">
                      <Input
                        size="small"
                        aria-label={`Line ${n} title`}
                        placeholder="Title"
                        value={line.title}
                        onChange={(e) => update(line.key, { title: e.target.value })}
                      />
                      <Input
                        size="small"
                        aria-label={`Line ${n} description`}
                        placeholder="Description (optional)"
                        value={line.description}
                        onChange={(e) => update(line.key, { description: e.target.value })}
                      />
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <Input
                      size="small"
                      type="number"
                      inputMode="decimal"
                      min={0}
                      step="any"
                      aria-label={`Line ${n} quantity`}
                      value={line.quantity}
                      onChange={(e) => update(line.key, { quantity: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Input
                      size="small"
                      type="number"
                      inputMode="decimal"
                      min={0}
                      step="any"
                      aria-label={`Line ${n} unit price`}
                      placeholder="0.00"
                      value={line.unit_price}
                      onChange={(e) => update(line.key, { unit_price: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Input
                      size="small"
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={100}
                      step="any"
                      aria-label={`Line ${n} tax rate`}
                      placeholder="0"
                      value={line.tax_rate}
                      onChange={(e) => update(line.key, { tax_rate: e.target.value })}
                    />
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Text size="small" leading="compact" className="pt-1.5" data-testid="line-amount">
                      {money(amounts.total)}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <IconButton
                      type="button"
                      size="small"
                      variant="transparent"
                      aria-label={`Remove line ${n}`}
                      onClick={() => remove(line.key)}
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
      {error ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      ) : null}
      <div className="flex items-start justify-between gap-x-4">
        <Button type="button" size="small" variant="secondary" onClick={() => onChange([...lines, newDraftLine()])}>
          <Plus />
          Add line
        </Button>
        <dl className="grid min-w-[240px] grid-cols-2 gap-x-4 gap-y-1" data-testid="draft-totals">
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
          <Text size="xsmall" className="text-ui-fg-muted col-span-2 text-right">
            Preview; the saved totals are computed by the server.
          </Text>
        </dl>
      </div>
    </div>
  )
}
