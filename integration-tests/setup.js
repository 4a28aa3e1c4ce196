const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each suite boots its own Medusa app or module; stale entity metadata from a previous suite
// would otherwise leak into the next one.
MetadataStorage.clear()

// The in-process apps of the HTTP kinds have their database dropped and re-created from a template
// before every test; a scheduled job (owed emails every minute, reminders hourly) would now and
// then query it mid-restore and log an error. Those suites run the jobs' workflows themselves,
// with a clock they control.
if (process.env.TEST_TYPE === "integration:http" || process.env.TEST_TYPE === "integration:security") {
  process.env.PORTAL_JOBS = "off"
}
