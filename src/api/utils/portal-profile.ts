import type { PortalProfileDTO } from "../loaders"

// Kept here for callers outside the customer routes (the receipt subscriber, the owner's PDF).
export { loadPortalCustomer } from "../loaders/profile"

/** The profile form's values: the customer flattened with their default address. */
export function profileFormValues(customer: PortalProfileDTO["customer"]) {
  const { address, ...rest } = customer
  return { ...rest, ...(address ?? {}) }
}
