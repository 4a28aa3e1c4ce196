import "../../utils/log-everything-env"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createAdminUser } from "../../utils/admin"
import { createCustomer } from "../../utils/customer"
import { captureLogs } from "../../utils/log-capture"
import { portalService } from "../../utils/portal"
import { noRedirect, pressOpenLink } from "../portal/helpers"

jest.setTimeout(300_000)

// Every log level is on for this file (log-everything-env), and the test reads what the logger is
// handed (captureLogs spies on its methods). Its output would be the app's boot and teardown at
// level silly, thousands of lines in the run's log: the logger's transports stay silent instead.
const transports = (): { silent?: boolean }[] => (require("@medusajs/framework/logger").logger as any).loggerInstance_.transports
beforeAll(() => transports().forEach((transport) => (transport.silent = true)))
afterAll(() => transports().forEach((transport) => (transport.silent = false)))

/** A magic-link token is a live credential: no log line at any level may carry it. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("keeps raw link tokens out of the server's log, on opens, failures, renewals and exchanges", async () => {
      const container = getContainer()
      await createAdminUser(adminHeaders, container)
      await portalService(container).updateSettings({ enabled: true })
      const customer = (await createCustomer(container)) as any
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "store", type: "publishable", created_by: "test" }] },
      })
      const link = async () => (await api.post(`/admin/customers/${customer.id}/portal-access/link`, {}, adminHeaders)).data.link
      const [opened, exchanged, revoked, expired] = [await link(), await link(), await link(), await link()]
      const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!
      const portal = portalService(container)
      await portal.updatePortalTokens({ id: expired.id, expires_at: new Date(Date.now() - 1000) })
      await api.delete(`/admin/customers/${customer.id}/portal-access/links/${revoked.id}`, adminHeaders)

      const logs = captureLogs(container)
      try {
        expect((await pressOpenLink(api, opened.url)).status).toBe(303)
        expect((await api.get(new URL(revoked.url).pathname, noRedirect)).status).toBe(410)
        expect((await api.get(new URL(expired.url).pathname, noRedirect)).status).toBe(410)
        expect((await api.post(`${new URL(expired.url).pathname}/renew`, "", noRedirect)).status).toBe(200)
        const store = { headers: { "x-publishable-api-key": keys[0].token }, ...noRedirect }
        expect((await api.post("/store/portal/auth", { token: tokenOf(exchanged.url) }, store)).status).toBe(200)
        expect((await api.post("/store/portal/auth", { token: tokenOf(revoked.url) }, store)).status).toBe(401)
      } finally {
        logs.stop()
      }
      const text = logs.text()
      // The capture works: the request logger's lines are there, with the token replaced.
      expect(text).toContain("/portal/access/[redacted]")
      for (const { url } of [opened, exchanged, revoked, expired]) {
        expect(text).not.toContain(tokenOf(url))
      }
    })
  },
})
