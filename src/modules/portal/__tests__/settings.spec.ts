import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE, PORTAL_SETTINGS_ID } from ".."
import PortalModuleService from "../service"
import createDefaultSettingsLoader from "../loaders/create-default-settings"
import * as models from "../models"
import { moduleContainer, sqlDuring } from "./settings-helpers"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (statement: string) => MikroOrmWrapper.forkManager().execute(statement)
    const runLoader = (logger: { info: jest.Mock; warn: jest.Mock }) => {
      const container = moduleContainer(service)
      return createDefaultSettingsLoader({
        container: { resolve: (key: string) => (key === "logger" ? logger : container[key]) },
      } as never)
    }

    describe("settings without a cache", () => {
      it("are created once by the module loader at boot, before any read", async () => {
        expect(await sql(`SELECT id, enabled FROM portal_settings`)).toEqual([{ id: PORTAL_SETTINGS_ID, enabled: false }])
      })

      it("are read with one SELECT and no INSERT", async () => {
        await service.retrieveSettings()
        const statements = await sqlDuring(service, () => service.retrieveSettings())
        expect(statements).toHaveLength(1)
        expect(statements[0]).toMatch(/^select .* from "portal_settings"/)
      })

      it("are created on a read when the row is missing", async () => {
        await sql(`DELETE FROM portal_settings`)
        expect(await service.retrieveSettings()).toEqual(expect.objectContaining({ id: PORTAL_SETTINGS_ID, enabled: false, link_ttl_days: 30 }))
        expect(await sql(`SELECT id FROM portal_settings`)).toHaveLength(1)
      })

      it("survive a loader that ran before the migrations: it logs and the first read creates the row", async () => {
        await sql(`DELETE FROM portal_settings`)
        await sql(`ALTER TABLE portal_settings RENAME TO portal_settings_not_migrated`)
        const logger = { info: jest.fn(), warn: jest.fn() }
        try {
          await expect(runLoader(logger)).resolves.toBeUndefined()
        } finally {
          await sql(`ALTER TABLE portal_settings_not_migrated RENAME TO portal_settings`)
        }
        expect(logger.info).toHaveBeenCalledWith(expect.stringMatching(/run the migrations/))
        expect(logger.warn).not.toHaveBeenCalled()
        expect((await service.retrieveSettings()).enabled).toBe(false)
      })

      it("keep the owner's values when the loader runs again (every boot)", async () => {
        await service.updateSettings({ enabled: true, business_name: "Acme Plumbing" })
        await runLoader({ info: jest.fn(), warn: jest.fn() })
        expect(await service.retrieveSettings()).toEqual(expect.objectContaining({ enabled: true, business_name: "Acme Plumbing" }))
      })

      it("are updated when the row is missing too", async () => {
        await sql(`DELETE FROM portal_settings`)
        expect((await service.updateSettings({ business_name: "Acme" })).business_name).toBe("Acme")
      })
    })
  },
})
