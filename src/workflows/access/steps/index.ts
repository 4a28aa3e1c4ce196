export * from "./issue-portal-link"
export * from "./record-access-sent"
export * from "./set-portal-access-enabled"
export * from "./validate-portal-enabled"
