const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// Each suite boots its own Medusa app or module; stale entity metadata from a previous suite
// would otherwise leak into the next one.
MetadataStorage.clear()
