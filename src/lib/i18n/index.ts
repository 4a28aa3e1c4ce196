export * from "./locale"
export * from "./translate"
export * from "./format"
export * from "./error-messages"
