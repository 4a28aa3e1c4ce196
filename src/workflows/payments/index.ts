export * from "./start-invoice-payment"
export * from "./steps"
