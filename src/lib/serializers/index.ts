export * from "./portal-customer"
export * from "./portal-estimate"
export * from "./portal-history"
export * from "./portal-invoice"
