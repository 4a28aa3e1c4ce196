export * from "./send-invoice-reminder"
export * from "./send-invoice-reminders"
export * from "./steps"
export * from "./set-reminders-opt-out"
