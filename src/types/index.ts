export * from "./module"
