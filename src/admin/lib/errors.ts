/** The message of an error thrown by `sdk.client.fetch` (Medusa's `{ type, message }` body). */
export function errorMessage(error: unknown, fallback = "Something went wrong. Try again.") {
  if (error && typeof error === "object" && "message" in error) {
    const message = String((error as { message: unknown }).message ?? "")
    return message.replace(/^Invalid request: /, "") || fallback
  }
  return fallback
}
