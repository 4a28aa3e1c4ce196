export * from "./log-portal-event"
export * from "./validate-customer"
