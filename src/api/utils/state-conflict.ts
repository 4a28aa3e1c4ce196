import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's error handler answers every CONFLICT with a generic "retry with an Idempotency-Key"
 * message. A state conflict (editing a sent invoice, converting a rejected estimate) must tell
 * the owner the document's current state, so it is re-thrown as an HTTP error, whose message
 * the handler keeps (body `{ type: "conflict", message }`, status 409).
 */
export async function withStateConflicts<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    // Workflows re-throw step errors as plain serialised objects, not Error instances.
    const { type, message } = (error ?? {}) as { type?: string; message?: string }
    if (type === MedusaError.Types.CONFLICT && message) {
      throw Object.assign(new Error(message), { status: 409, statusCode: 409, expose: true })
    }
    throw error
  }
}
