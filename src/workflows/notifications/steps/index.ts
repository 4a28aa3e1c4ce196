export * from "./prepare-estimate-decided"
export * from "./prepare-invoice-receipt"
