import type { ICacheService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { drainEventBus, releaseIdleConnections, trackEventBus } from "./utils/drain"
import { assertNoUnexpectedErrors, captureLoggedErrors, stopCapturingLoggedErrors } from "./utils/quiet-log"

/**
 * Shared by every HTTP suite (jest.config.js `setupFilesAfterEnv` for TEST_TYPE=integration:http).
 * Top-level hooks wrap each test of a suite: these `beforeEach` hooks run before the runner's own
 * (which restores the database), these `afterEach` hooks after the suite's and the runner's.
 *
 * Before each test: the app's event bus is tracked (integration-tests/utils/drain.ts), the portal's
 * rate-limit counters are cleared (they live in the Cache Module, which the database restore does
 * not touch, so one test's attempts would count against the next), and logged errors are captured
 * (integration-tests/utils/quiet-log.ts), knex's connection warnings among them.
 * After each test: wait until the app is idle (subscribers and workflows the test set off have
 * finished, so none runs into the next test's database restore), then fail the test on any error
 * it logged without declaring it. Idle database connections are closed too, so the restore does not
 * kill them under the pool (knex would log "Connection ended unexpectedly" for each).
 */

/** The app the runner booted in this test file, if any: Medusa's loaders fill the framework's container. */
function appContainer(): MedusaContainer | null {
  // Loaded by the runner (medusaIntegrationTestRunner) by the time a test runs; required lazily so
  // a file without an app does not boot the framework.
  const { container } = require("@medusajs/framework") as { container: MedusaContainer }
  return container.hasRegistration(Modules.EVENT_BUS) ? container : null
}

beforeEach(async () => {
  const container = appContainer()
  const loggers = [require("@medusajs/framework/logger").logger]
  const warners: object[] = []
  if (container) {
    // The shared pool's knex logger: a connection killed under the pool is only a knex warning.
    const knexLogger = (container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }) as any)
      ?.client?.logger
    if (knexLogger) {
      warners.push(knexLogger)
    }
    trackEventBus(container)
    // The first test's beforeEach snapshots the database, which also ends every connection to it.
    await releaseIdleConnections(container)
    loggers.push(container.resolve(ContainerRegistrationKeys.LOGGER))
    const cache = container.resolve<ICacheService>(Modules.CACHE, { allowUnregistered: true })
    await cache?.invalidate("portal:rl:*")
  }
  captureLoggedErrors(loggers, warners)
})

afterEach(async () => {
  const container = appContainer()
  try {
    if (container) {
      await drainEventBus(container)
      await releaseIdleConnections(container)
    }
  } finally {
    assertNoUnexpectedErrors(stopCapturingLoggedErrors())
  }
})
