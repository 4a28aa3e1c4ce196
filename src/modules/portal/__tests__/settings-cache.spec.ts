import path from "path"
import { Modules } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE, PORTAL_SETTINGS_ID } from ".."
import PortalModuleService from "../service"
import { SettingsActions } from "../actions"
import { SettingsCache } from "../utils/settings-cache"
import * as models from "../models"
import { moduleContainer, sharedCache, sqlDuring } from "./settings-helpers"

jest.setTimeout(60_000)

const cache = sharedCache()

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  // Medusa injects the Caching Module into every module when the app registers it.
  injectedDependencies: { [Modules.CACHING]: cache },
  testSuite: ({ service }) => {
    beforeEach(() => {
      cache.store.clear()
      cache.state.down = false
    })

    /** Another server: same database, same shared cache, nothing shared in process memory. */
    const otherServer = () => {
      const container = moduleContainer(service)
      const deps = { service, sql: container.portalSqlRepository, settingsCache: new SettingsCache(() => cache as never) }
      return { retrieveSettings: () => SettingsActions.retrieveSettings(deps, {}) }
    }

    describe("settings with the Caching Module", () => {
      it("are read from the cache after the first read: no SQL at all", async () => {
        const first = await sqlDuring(service, () => service.retrieveSettings())
        const second = await sqlDuring(service, () => service.retrieveSettings())
        expect(first).toHaveLength(1)
        expect(second).toEqual([])
      })

      it("come back from the cache as the database gives them (Dates, a copy)", async () => {
        const fromDb = await service.retrieveSettings()
        const cached = await service.retrieveSettings()
        expect(cached).toEqual(fromDb)
        expect(cached.created_at).toBeInstanceOf(Date)
        ;(cached as { business_name: string | null }).business_name = "changed by a caller"
        expect((await service.retrieveSettings()).business_name).toBeNull()
      })

      it("show a change made on one server on another at once", async () => {
        const server2 = otherServer()
        expect((await server2.retrieveSettings()).enabled).toBe(false)
        await service.updateSettings({ enabled: true })
        expect((await server2.retrieveSettings()).enabled).toBe(true)
        expect((await service.retrieveSettings()).enabled).toBe(true)
      })

      it("cannot be put back to the old values by a read that began before an update", async () => {
        const server2Cache = new SettingsCache(() => cache as never)
        const miss = await server2Cache.read()
        if (miss.hit) {
          throw new Error("expected a cache miss")
        }
        const [old] = await service.listPortalSettings({ id: PORTAL_SETTINGS_ID })
        await service.updateSettings({ business_name: "Acme Plumbing" })
        // The slow read finishes after the update and stores what it read.
        await miss.store(old)
        expect((await otherServer().retrieveSettings()).business_name).toBe("Acme Plumbing")
        expect((await service.retrieveSettings()).business_name).toBe("Acme Plumbing")
      })

      it("are read from the database while the cache is down", async () => {
        await service.updateSettings({ business_name: "Acme Plumbing" })
        cache.state.down = true
        // The module runner gives the module no logger, so the warning goes to console: kept
        // out of the run's log, and asserted.
        const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined)
        try {
          const statements = await sqlDuring(service, async () => {
            expect((await service.retrieveSettings()).business_name).toBe("Acme Plumbing")
          })
          expect(statements).toHaveLength(1)
          expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Portal settings cache unavailable, reading the database: .*cache down/))
        } finally {
          warn.mockRestore()
        }
      })

      it("are left unchanged in the cache by a refused update", async () => {
        await service.retrieveSettings()
        await expect(service.updateSettings({ accent_color: "red" })).rejects.toThrow(/accent_color/)
        const statements = await sqlDuring(service, () => service.retrieveSettings())
        expect(statements).toEqual([])
      })
    })
  },
})
