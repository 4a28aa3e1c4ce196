export * from "./process-invoice-payment-return"
export * from "./record-captured-invoice-payment"
export * from "./start-invoice-payment"
export * from "./steps"
