/** The message of an error thrown by `sdk.client.fetch` (Medusa's `{ type, message }` body). */
export function errorMessage(error: unknown, fallback = "Something went wrong. Try again.") {
  if (error && typeof error === "object" && "message" in error) {
    const message = String((error as { message: unknown }).message ?? "")
    return message.replace(/^Invalid request: /, "") || fallback
  }
  return fallback
}

export function errorStatus(error: unknown): number | undefined {
  return error && typeof error === "object" && "status" in error ? Number((error as { status: unknown }).status) : undefined
}

/**
 * Splits a 400 message into per-field messages: the API names the offending field in each
 * issue ("Value for field 'link_ttl_days' too small…", "accent_color must be a colour…"), up to
 * three issues separated by "; ". Issues naming no known field are returned under "".
 */
export function fieldErrors<F extends string>(error: unknown, fields: readonly F[]): Partial<Record<F | "", string>> {
  const result: Partial<Record<F | "", string>> = {}
  if (errorStatus(error) !== 400) {
    return result
  }
  // Longest names first, so "support_email" never claims an "owner_notification_email" issue.
  const byLength = [...fields].sort((a, b) => b.length - a.length)
  for (const issue of errorMessage(error).split("; ")) {
    const field = byLength.find((f) => new RegExp(`(^|[^a-z_])${f}([^a-z_]|$)`).test(issue)) ?? ""
    result[field] = result[field] ? `${result[field]}; ${issue}` : issue
  }
  return result
}
