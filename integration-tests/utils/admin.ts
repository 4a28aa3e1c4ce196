import type { IAuthModuleService, IUserModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

/** Axios request config carrying the admin's bearer token; filled in by `createAdminUser`. */
export type AdminHeaders = { headers: Record<string, string> }

export const adminHeaders: AdminHeaders = { headers: {} }

/** medusa-config.ts signs tokens with JWT_SECRET (and sets a random one when it is unset). */
const jwtSecret = () => {
  if (!process.env.JWT_SECRET) {
    throw new Error("JWT_SECRET is unset: create the admin user after the app has loaded medusa-config.ts")
  }
  return process.env.JWT_SECRET
}

/**
 * Creates an admin user with an emailpass auth identity through the container and puts a signed
 * JWT for it into `headers` (the same token Medusa issues on login). Call it in `beforeEach`:
 * the runner restores an empty database before every test.
 */
export async function createAdminUser(
  headers: AdminHeaders,
  container: MedusaContainer,
  { email = "admin@portal.test" }: { email?: string } = {}
) {
  const userModule = container.resolve<IUserModuleService>(Modules.USER)
  const authModule = container.resolve<IAuthModuleService>(Modules.AUTH)

  const user = await userModule.createUsers({ first_name: "Admin", last_name: "User", email })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })

  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id },
    jwtSecret(),
    { expiresIn: "1d" }
  )
  headers.headers["authorization"] = `Bearer ${token}`

  return { user, authIdentity, token }
}
