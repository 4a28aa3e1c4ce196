import type { ICacheService, IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { drainEventBus } from "../../utils/drain"
import { assertNoUnexpectedErrors, expectLoggedErrors, loggedErrors } from "../../utils/quiet-log"

jest.setTimeout(120_000)

/**
 * The shared HTTP setup (integration-tests/setup-http.ts) itself: the app is drained after each
 * test, logged errors fail a test unless declared, and the rate-limit counters do not carry over.
 * Some tests here check what the previous test left behind, so they run in order.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

// Declared after the shared setup's hooks, at the same level: runs after its drain, before the
// runner's next restore. Without the drain, the subscribers below would still be running here.
const finishedAt: Record<string, number> = {}
let lastTestEndedAt = 0
afterEach(() => {
  lastTestEndedAt = Date.now()
})

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const bus = () => getContainer().resolve<IEventBusModuleService>(Modules.EVENT_BUS)
    const finished: string[] = []

    beforeAll(() => {
      // A slow subscriber that sets off a second, slower one: the chain outlives the test.
      bus().subscribe(
        "infra-test.first",
        async () => {
          await sleep(200)
          await bus().emit({ name: "infra-test.second", data: {} })
          finished.push("first")
        },
        { subscriberId: "infra-test-first" }
      )
      bus().subscribe(
        "infra-test.second",
        async () => {
          await sleep(1500)
          finished.push("second")
          finishedAt.second = Date.now()
        },
        { subscriberId: "infra-test-second" }
      )
      bus().subscribe(
        "infra-test.failing",
        async () => {
          throw new Error("the infra-test subscriber failed")
        },
        { subscriberId: "infra-test-failing" }
      )
    })

    it("leaves subscribers running when the test returns", async () => {
      await bus().emit({ name: "infra-test.first", data: {} })
      expect(finished).toEqual([])
    })

    it("…and they had all finished when the previous test ended", async () => {
      expect(finished).toEqual(["first", "second"])
      expect(finishedAt.second).toBeLessThanOrEqual(lastTestEndedAt)
    })

    it("drainEventBus waits for a delayed event and the subscribers it reaches", async () => {
      finished.length = 0
      await bus().emit({ name: "infra-test.first", data: {} }, { delay: 300 })
      await drainEventBus(getContainer())
      expect(finished).toEqual(["first", "second"])
    })

    it("captures a subscriber's failure, which this test declares", async () => {
      expectLoggedErrors("An error occurred while processing infra-test.failing", "the infra-test subscriber failed")
      await bus().emit({ name: "infra-test.failing", data: {} })
      await drainEventBus(getContainer())
      expect(loggedErrors()).toEqual([
        "An error occurred while processing infra-test.failing:",
        expect.stringContaining("the infra-test subscriber failed"),
      ])
    })

    it("would fail a test on an undeclared error, or on a declared one that never came", () => {
      const capture = (messages: string[], expected: (string | RegExp)[], allowed: (string | RegExp)[] = []) => ({
        messages,
        expected,
        allowed,
        restore: () => undefined,
      })
      expect(() => assertNoUnexpectedErrors(capture(["Receipt for invoice inv_1 failed: boom"], []))).toThrow(
        /1 error\(s\) were logged during this test[\s\S]*Receipt for invoice inv_1 failed: boom/
      )
      expect(() => assertNoUnexpectedErrors(capture([], [/Receipt/]))).toThrow(
        "expected logged error(s) that never came: /Receipt/"
      )
      expect(() => assertNoUnexpectedErrors(capture(["Receipt for invoice inv_1 failed"], [/Receipt/]))).not.toThrow()
      // Allowed errors are tolerated, not required.
      expect(() => assertNoUnexpectedErrors(capture([], [], [/Connection/]))).not.toThrow()
      expect(() => assertNoUnexpectedErrors(capture(["Connection terminated"], [], [/Connection/]))).not.toThrow()
    })

    it("captures console.error too, and keeps it out of the run's output", () => {
      expectLoggedErrors("infra-test console error")
      const written: string[] = []
      const write = process.stderr.write
      process.stderr.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof write
      try {
        console.error("infra-test console error", { detail: 1 })
      } finally {
        process.stderr.write = write
      }
      expect(loggedErrors()).toEqual(["infra-test console error { detail: 1 }"])
      expect(written.join("")).not.toContain("infra-test console error")
    })

    it("captures knex's warning about a connection killed under the pool, which it would print with console.log", async () => {
      expectLoggedErrors(/^Connection Error: /)
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const written: string[] = []
      const write = process.stdout.write
      process.stdout.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof write
      try {
        // Two pooled connections, then one kills the other: what a PostgreSQL restart does.
        await Promise.all([knex.raw("select pg_sleep(0.05)"), knex.raw("select pg_sleep(0.05)")])
        await knex.raw(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'"
        )
        // knex notices a killed connection when it next hands it out, and warns then.
        for (let i = 0; i < 100 && !loggedErrors().some((m) => m.includes("Connection Error")); i++) {
          await sleep(20)
          await Promise.all([knex.raw("select 1"), knex.raw("select 1")])
        }
      } finally {
        process.stdout.write = write
      }
      expect(loggedErrors()).toEqual([expect.stringMatching(/^Connection Error: /)])
      expect(written.join("")).not.toContain("Connection Error")
    })

    it("leaves a rate-limit counter in the cache…", async () => {
      await getContainer().resolve<ICacheService>(Modules.CACHE).set("portal:rl:infra-test", { count: 5 }, 3600)
    })

    it("…which the next test does not see", async () => {
      expect(await getContainer().resolve<ICacheService>(Modules.CACHE).get("portal:rl:infra-test")).toBeNull()
    })
  },
})
