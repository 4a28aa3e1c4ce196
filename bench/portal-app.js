// Boots the real Portal module outside jest, the way @medusajs/test-utils' module runner does:
// MedusaApp from the modules SDK, one shared knex connection, the module's own migrations.
// Requires the TypeScript hook (see scripts/bench.js) to be registered first.
const path = require("path")

const MODULE_DIR = path.resolve(__dirname, "..", "src", "modules", "portal")
const MODULE_NAME = "portal"

/** The module emits events through the event bus when one is registered; none is needed here. */
const noopEventBus = {
  emit: async () => {},
  releaseGroupedEvents: async () => {},
  clearGroupedEvents: async () => {},
}

/**
 * @param {{ clientUrl: string }} db
 * @returns {Promise<{ service: any, knex: any, poolMax: number, shutdown: () => Promise<void> }>}
 */
async function bootPortalModule({ clientUrl }) {
  const { MedusaApp, MedusaModule } = require("@medusajs/framework/modules-sdk")
  const { ContainerRegistrationKeys, Modules, ModulesSdkUtils, createMedusaContainer, isSharedConnectionSymbol } =
    require("@medusajs/framework/utils")
  const { asValue } = require("@medusajs/framework/awilix")
  const { logger } = require("@medusajs/framework/logger")

  const database = { clientUrl, schema: "public" }
  // Pool as Medusa's own pg-connection loader builds it (min 2, knex's default max).
  const knex = ModulesSdkUtils.createPgConnection({ ...database, pool: { min: 2 } })
  const modulesConfig = {
    [MODULE_NAME]: {
      resolve: MODULE_DIR,
      options: { database, [isSharedConnectionSymbol]: true },
    },
  }
  const injectedDependencies = {
    [ContainerRegistrationKeys.PG_CONNECTION]: knex,
    [ContainerRegistrationKeys.LOGGER]: logger,
    [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: modulesConfig },
    [Modules.EVENT_BUS]: noopEventBus,
  }

  // The migrator logs through the container passed in here; without one it prints to stdout.
  const sharedContainer = createMedusaContainer()
  sharedContainer.register(ContainerRegistrationKeys.LOGGER, asValue(logger))

  const app = await MedusaApp({
    modulesConfig,
    injectedDependencies,
    sharedContainer,
    sharedResourcesConfig: { database },
  })
  // Builds the schema from src/modules/portal/migrations, as `medusa db:migrate` would.
  await app.runMigrations()
  await app.onApplicationStart()

  return {
    service: app.modules[MODULE_NAME],
    knex,
    poolMax: knex.client.pool.max,
    shutdown: async () => {
      await app.onApplicationPrepareShutdown()
      await app.onApplicationShutdown()
      MedusaModule.clearInstances()
      await knex.destroy()
    },
  }
}

module.exports = { bootPortalModule }
