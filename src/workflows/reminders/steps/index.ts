export * from "./claim-invoice-reminder"
export * from "./find-due-invoice-reminders"
export * from "./finish-invoice-reminder"
export * from "./send-invoice-reminder-batch"
