const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each suite boots its own Medusa app or module; stale entity metadata from a previous suite
// would otherwise leak into the next one.
MetadataStorage.clear()

// The in-process apps of the HTTP kinds have their database dropped and re-created from a template
// before every test; the every-minute owed-email job would now and then query it mid-restore and
// log an error. Those suites run the job's workflow themselves, with a clock they control.
if (process.env.TEST_TYPE === "integration:http" || process.env.TEST_TYPE === "integration:security") {
  process.env.PORTAL_DUE_EMAILS_JOB = "off"
}
