export * from "./prepare-estimate-decided"
export * from "./prepare-invoice-receipt"
export * from "./prepare-estimate-approved"
export * from "./prepare-statement-email"
