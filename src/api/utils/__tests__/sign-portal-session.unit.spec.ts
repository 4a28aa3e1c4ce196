import crypto from "crypto"
import jwt from "jsonwebtoken"
import { PORTAL_ACTOR_TYPE, signPortalSession } from "../portal-auth"

const request = (http: Record<string, unknown>) =>
  ({ scope: { resolve: () => ({ projectConfig: { http } }) } }) as never

const session = { id: "psess_1", customer_id: "cus_1", expires_at: new Date(Date.now() + 3_600_000) }

describe("signPortalSession", () => {
  it("signs a session token that verifies with the project's secret and names the session", () => {
    const { token, expiresIn } = signPortalSession(request({ jwtSecret: "project-secret" }), session)
    const claims = jwt.verify(token, "project-secret") as jwt.JwtPayload
    expect(claims).toMatchObject({ actor_id: "cus_1", actor_type: PORTAL_ACTOR_TYPE, app_metadata: { portal_session_id: "psess_1" } })
    expect(expiresIn).toBeGreaterThan(3590)
    expect(claims.exp! - claims.iat!).toBe(expiresIn)
    expect(() => jwt.verify(token, "another-secret")).toThrow()
  })

  it("keeps the project's sign options (an audience)", () => {
    const { token } = signPortalSession(request({ jwtSecret: "project-secret", jwtOptions: { audience: "shop" } }), session)
    expect(jwt.verify(token, "project-secret", { audience: "shop" })).toMatchObject({ aud: "shop" })
  })

  it("hands the library one KeyObject made once, not the string it would parse on every sign (a failed PEM parse each time was a tenth of a link open's CPU)", () => {
    const spy = jest.spyOn(jwt, "sign")
    try {
      for (let i = 0; i < 3; i++) {
        signPortalSession(request({ jwtSecret: "a-second-project-secret" }), session)
      }
      const keys = spy.mock.calls.map((call) => call[1])
      expect(keys).toHaveLength(3)
      const key: unknown = keys[0]
      expect(key).toBeInstanceOf(crypto.KeyObject)
      expect(key instanceof crypto.KeyObject && key.type).toBe("secret")
      expect(new Set(keys).size).toBe(1)
    } finally {
      spy.mockRestore()
    }
  })
})
