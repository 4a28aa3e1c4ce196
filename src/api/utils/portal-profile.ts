import type { PortalProfileDTO } from "../loaders"

/** The profile form's values: the customer flattened with their default address. */
export function profileFormValues(customer: PortalProfileDTO["customer"]) {
  const { address, ...rest } = customer
  return { ...rest, ...(address ?? {}) }
}
