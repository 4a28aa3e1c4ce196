type Address = {
  id: string
  address_1: string | null
  address_2: string | null
  city: string | null
  postal_code: string | null
  province: string | null
  country_code: string | null
  is_default_billing?: boolean
  is_default_shipping?: boolean
}
type Customer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  company_name: string | null
  phone: string | null
  addresses?: Address[]
}

/** The default address: the default billing one, else the default shipping one, else the first. */
export function defaultAddress(addresses: Address[] = []) {
  return addresses.find((a) => a.is_default_billing) ?? addresses.find((a) => a.is_default_shipping) ?? addresses[0] ?? null
}

/** Who is signed in, without the address: what the portal's home and `/store/portal/me` show. */
export function serializePortalCustomerIdentity(customer: Omit<Customer, "addresses">) {
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
    company_name: customer.company_name,
    phone: customer.phone,
  }
}

/** What a customer sees (and may edit, but the email) of their own Medusa customer record. */
export function serializePortalCustomer(customer: Customer) {
  const address = defaultAddress(customer.addresses)
  return {
    ...serializePortalCustomerIdentity(customer),
    address: address && {
      id: address.id,
      address_1: address.address_1,
      address_2: address.address_2,
      city: address.city,
      postal_code: address.postal_code,
      province: address.province,
      country_code: address.country_code,
    },
  }
}

export type StorePortalCustomerIdentity = ReturnType<typeof serializePortalCustomerIdentity>
export type StorePortalCustomer = ReturnType<typeof serializePortalCustomer>
