import crypto from "crypto"
import jwt from "jsonwebtoken"
import { portalAuthenticate } from "../portal-authenticate"

const SECRET = "a-project-jwt-secret"

function request(headers: Record<string, string>, session?: { auth_context?: Record<string, unknown> }, http: Record<string, unknown> = {}) {
  const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  const config = { projectConfig: { http: { jwtSecret: SECRET, ...http } } }
  return {
    headers,
    session,
    scope: { resolve: (key: string) => (key === "logger" ? logger : config) },
  } as any
}

function run(mw: ReturnType<typeof portalAuthenticate>, req: any) {
  let status: number | undefined
  let nextCalled = false
  const res = { status: (s: number) => ((status = s), res), json: () => res } as any
  return Promise.resolve(mw(req, res, () => void (nextCalled = true))).then(() => ({ status, nextCalled, context: req.auth_context }))
}

const token = (claims: Record<string, unknown>, secret = SECRET, opts: jwt.SignOptions = { expiresIn: 60 }) =>
  jwt.sign({ auth_identity_id: "", app_metadata: {}, user_metadata: {}, ...claims }, secret, opts)

describe("portalAuthenticate (Medusa's authenticate with a cached key)", () => {
  const strict = portalAuthenticate(["portal_customer", "customer"], ["session", "bearer"])

  it("accepts a valid token of a permitted actor, as Medusa's middleware does", async () => {
    for (let i = 0; i < 2; i++) {
      const out = await run(strict, request({ authorization: `Bearer ${token({ actor_id: "cus_1", actor_type: "portal_customer" })}` }))
      expect(out).toMatchObject({ nextCalled: true, status: undefined, context: { actor_id: "cus_1", actor_type: "portal_customer" } })
    }
  })

  it("refuses a token signed with another secret, an expired token and another actor type with 401", async () => {
    for (const bad of [
      token({ actor_id: "cus_1", actor_type: "portal_customer" }, "another-secret"),
      token({ actor_id: "cus_1", actor_type: "portal_customer", exp: Math.floor(Date.now() / 1000) - 10 }, SECRET, {}),
      token({ actor_id: "user_1", actor_type: "user" }),
      "not-a-jwt",
    ]) {
      const out = await run(strict, request({ authorization: `Bearer ${bad}` }))
      expect(out).toMatchObject({ nextCalled: false, status: 401, context: undefined })
    }
  })

  it("lets a session win over a token, as Medusa does", async () => {
    const out = await run(
      strict,
      request(
        { authorization: `Bearer ${token({ actor_id: "cus_token", actor_type: "portal_customer" })}` },
        { auth_context: { actor_id: "cus_session", actor_type: "customer" } }
      )
    )
    expect(out.context).toMatchObject({ actor_id: "cus_session" })
  })

  it("passes without a context when unauthenticated requests are allowed", async () => {
    const optional = portalAuthenticate("portal_customer", ["bearer"], { allowUnauthenticated: true })
    expect(await run(optional, request({}))).toMatchObject({ nextCalled: true, context: undefined })
    expect(await run(optional, request({ authorization: "Bearer nonsense" }))).toMatchObject({ nextCalled: true, context: undefined })
  })

  it("honours the project's verify options (an audience it requires)", async () => {
    const req = request({ authorization: `Bearer ${token({ actor_id: "cus_1", actor_type: "portal_customer" })}` }, undefined, {
      jwtVerifyOptions: { audience: "shop" },
    })
    expect(await run(strict, req)).toMatchObject({ nextCalled: false, status: 401 })
  })

  it("turns the secret into a key once, not on every request (the cost it exists to remove)", async () => {
    const secret = "a-second-project-secret"
    const spy = jest.spyOn(crypto, "createPublicKey")
    try {
      for (let i = 0; i < 3; i++) {
        const req = request({ authorization: `Bearer ${token({ actor_id: "cus_1", actor_type: "portal_customer" }, secret)}` }, undefined, { jwtSecret: secret })
        expect(await run(strict, req)).toMatchObject({ nextCalled: true })
      }
      expect(spy).toHaveBeenCalledTimes(1)
    } finally {
      spy.mockRestore()
    }
  })
})
