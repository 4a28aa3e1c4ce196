import { Button, Text, clx } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useCustomer, useCustomerSearch } from "../hooks/api"
import { customerName } from "../lib/format"
import { SearchInput } from "./search-input"
import type { AdminCustomerSummary } from "../../types/http"

function useDebounced<T>(value: T, ms: number) {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/**
 * Picks a Medusa customer: a search box over GET /admin/customers?q= (name, email, company)
 * and the matches as a list; once picked, the customer and a "Change" button.
 */
export const CustomerPicker = ({
  value,
  onChange,
  invalid,
  describedBy,
  id = "customer",
}: {
  value: string
  onChange: (customer: AdminCustomerSummary | null) => void
  invalid?: boolean
  /** The id of the error or hint that describes the search box. */
  describedBy?: string
  id?: string
}) => {
  const [search, setSearch] = useState("")
  const q = useDebounced(search.trim(), 250)
  const selected = useCustomer(value || undefined)
  const results = useCustomerSearch(q)

  if (value) {
    const customer = selected.data
    return (
      <div className="shadow-borders-base bg-ui-bg-field flex items-center justify-between gap-x-2 rounded-md px-3 py-2" data-testid="customer-picker-selected">
        <div className="flex min-w-0 flex-col">
          <Text size="small" leading="compact" weight="plus" className="truncate">
            {selected.isLoading ? "Loading…" : customerName(customer, value)}
          </Text>
          {customer?.email ? (
            <Text size="small" leading="compact" className="text-ui-fg-subtle truncate">
              {customer.email}
            </Text>
          ) : null}
        </div>
        <Button type="button" size="small" variant="transparent" onClick={() => onChange(null)}>
          Change
        </Button>
      </div>
    )
  }

  const customers = results.data?.customers ?? []
  return (
    <div className="flex flex-col gap-y-2">
      <SearchInput
        id={id}
        placeholder="Search customers by name, email or company"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
      />
      <div
        role="listbox"
        aria-label="Customers"
        className="shadow-borders-base bg-ui-bg-base max-h-56 overflow-y-auto rounded-md"
      >
        {results.isError ? (
          <Text size="small" className="text-ui-fg-error px-3 py-2">
            Could not search customers.
          </Text>
        ) : results.isLoading ? (
          <Text size="small" className="text-ui-fg-subtle px-3 py-2">
            Searching…
          </Text>
        ) : customers.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle px-3 py-2">
            No customer matches “{q}”.
          </Text>
        ) : (
          customers.map((customer) => (
            <button
              key={customer.id}
              type="button"
              role="option"
              aria-selected={false}
              onClick={() => onChange(customer)}
              className={clx(
                "hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex w-full flex-col items-start px-3 py-2 text-left outline-none"
              )}
            >
              <Text size="small" leading="compact" weight="plus">
                {customerName(customer)}
              </Text>
              <Text size="small" leading="compact" className="text-ui-fg-subtle">
                {[customer.email, customer.company_name].filter(Boolean).join(" · ") || customer.id}
              </Text>
            </button>
          ))
        )}
      </div>
    </div>
  )
}
