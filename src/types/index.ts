export * from "./module"
export * from "./http"
