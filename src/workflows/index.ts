export * from "./estimate"
export * from "./invoice"
export * from "./settings"
export * from "./steps"
