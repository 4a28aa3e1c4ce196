export * from "./fingerprint"
export * from "./signature"
