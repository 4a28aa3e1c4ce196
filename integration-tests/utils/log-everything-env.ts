// Imported first by suites that read the server's log: Medusa's request logger (morgan) is off
// under NODE_ENV=test and below LOG_LEVEL=http, so this turns both on before the app loads.
process.env.NODE_ENV = "development"
process.env.LOG_LEVEL = "silly"
export {}
