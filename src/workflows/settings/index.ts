export * from "./update-portal-settings"
export * from "./steps"
