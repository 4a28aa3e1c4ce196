export * from "./update-portal-profile"
