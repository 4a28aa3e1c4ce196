import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { compileTrustedProxies } from "../../../src/lib/trusted-proxies"
import { fromAddress } from "../../utils/client-address"
import { portalService } from "../../utils/portal"

jest.setTimeout(120_000)

const form = { "content-type": "application/x-www-form-urlencoded" }
let emails = 0
const freshEmail = () => `email=${encodeURIComponent(`client-ip-${++emails}@example.com`)}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    beforeEach(async () => {
      await portalService(getContainer()).updateSettings({ enabled: true })
    })
    afterEach(() => jest.restoreAllMocks())

    /** Six link requests for six different emails from one socket address, each with its own headers. */
    const sixFrom = async (address: string, forwardedFor: (i: number) => string) => {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const response = await api.post("/portal/login", freshEmail(), {
          ...fromAddress(api, address),
          headers: { ...form, "x-forwarded-for": forwardedFor(i) },
          validateStatus: () => true,
        })
        statuses.push(response.status)
      }
      return statuses
    }

    it("by default ignores X-Forwarded-For: a forged header cannot escape the per-address limit", async () => {
      expect(await sixFrom("127.0.0.21", (i) => `203.0.113.${i + 1}`)).toEqual([200, 200, 200, 200, 200, 429])
      // Another real address still gets in.
      const other = await api.post("/portal/login", freshEmail(), { ...fromAddress(api, "127.0.0.22"), headers: form })
      expect(other.status).toBe(200)
    })

    it("with trustedProxies: 1 takes the header's last hop, the address the one proxy saw", async () => {
      jest.spyOn(portalService(getContainer()), "getProxyTrust").mockReturnValue(compileTrustedProxies(1))
      // The client forges the first entries; the proxy (the socket's peer) appends the real one.
      expect(await sixFrom("127.0.0.31", (i) => `198.51.100.${i + 1}, 192.0.2.10`)).toEqual([200, 200, 200, 200, 200, 429])
      const otherClient = await api.post("/portal/login", freshEmail(), {
        ...fromAddress(api, "127.0.0.31"),
        headers: { ...form, "x-forwarded-for": "192.0.2.11" },
      })
      expect(otherClient.status).toBe(200)
    })
  },
})
