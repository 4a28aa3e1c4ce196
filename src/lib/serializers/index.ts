export * from "./portal-customer"
export * from "./portal-estimate"
export * from "./portal-invoice"
