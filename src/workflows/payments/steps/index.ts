export * from "./cancel-invoice-payment-collection"
export * from "./ensure-invoice-payment-collection"
export * from "./find-reusable-payment-session"
export * from "./validate-invoice-payable"
