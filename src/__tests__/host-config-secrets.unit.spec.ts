/**
 * medusa-config.ts (the host app of the demo and the tests) must never sign sessions with a
 * built-in secret: production refuses to start without one, other environments make a random one.
 */
const NAMES = ["NODE_ENV", "JWT_SECRET", "COOKIE_SECRET"] as const

type HostConfig = { projectConfig: { http: { jwtSecret: string; cookieSecret: string } } }

function loadHostConfig(): HostConfig {
  let config: HostConfig | undefined
  jest.isolateModules(() => {
    config = require("../../medusa-config")
  })
  return config!
}

describe("host app secrets (medusa-config.ts)", () => {
  const saved: Partial<Record<(typeof NAMES)[number], string>> = {}
  beforeEach(() => {
    for (const name of NAMES) {
      saved[name] = process.env[name]
    }
    delete process.env.JWT_SECRET
    delete process.env.COOKIE_SECRET
  })
  afterEach(() => {
    for (const name of NAMES) {
      if (saved[name] === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = saved[name]
      }
    }
  })

  it("stops in production when JWT_SECRET or COOKIE_SECRET is missing, saying what to set", () => {
    process.env.NODE_ENV = "production"
    expect(loadHostConfig).toThrow(/JWT_SECRET is not set\. Set JWT_SECRET to a long random value/)
    process.env.JWT_SECRET = "a".repeat(64)
    expect(loadHostConfig).toThrow(/COOKIE_SECRET is not set/)
    process.env.COOKIE_SECRET = "b".repeat(64)
    expect(loadHostConfig().projectConfig.http).toMatchObject({ jwtSecret: "a".repeat(64), cookieSecret: "b".repeat(64) })
  })

  it("makes random secrets elsewhere, the same for every load in one process", () => {
    process.env.NODE_ENV = "development"
    const first = loadHostConfig().projectConfig.http
    expect(first.jwtSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.cookieSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(first.jwtSecret).not.toBe(first.cookieSecret)
    expect(process.env.JWT_SECRET).toBe(first.jwtSecret)
    expect(loadHostConfig().projectConfig.http).toMatchObject({ jwtSecret: first.jwtSecret, cookieSecret: first.cookieSecret })
  })
})
