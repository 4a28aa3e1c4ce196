export * from "./log-portal-event"
export * from "./send-portal-email"
export * from "./validate-customer"
