/**
 * Errors that some tests provoke on purpose, declared here instead of with `expectLoggedErrors`
 * in the test itself because those spec files are being changed on another branch. Each entry
 * works exactly like `expectLoggedErrors` (every pattern must show up in that test, nothing else
 * may be logged) and should move into its test as an `expectLoggedErrors(...)` call.
 */
export type ExpectedErrors = { file: string; test: string; patterns: (string | RegExp)[] }

// Medusa's payment-webhook subscriber logs each webhook whose signature does not check out.
const FORGED_WEBHOOK = [/^An error occurred while processing payment\.webhook_received:/, /constructWebhookEvent: No signatures found matching the expected signature/]
// Medusa's authorizePaymentSession logs a session Stripe did not authorize.
const NOT_AUTHORIZED = /Error was thrown trying to authorize payment session .* was not authorized with the provider/

export const EXPECTED_ERRORS: ExpectedErrors[] = [
  {
    file: "integration-tests/http/payments/fake-stripe.spec.ts",
    test: "a forged or tampered webhook is acknowledged with 200 and changes nothing",
    patterns: [...FORGED_WEBHOOK, /constructWebhookEvent: No stripe-signature header value was provided/],
  },
  {
    file: "integration-tests/http/payments/pay-now.spec.ts",
    test: "ignores a forged webhook and a return page for an unpaid intent",
    patterns: [...FORGED_WEBHOOK, NOT_AUTHORIZED],
  },
  {
    file: "integration-tests/http/payments/pay-now.spec.ts",
    test: "shows Stripe's reason when the payment fails, and keeps the invoice Unpaid",
    patterns: [NOT_AUTHORIZED],
  },
]

/** The declared errors of the running test (matched on the end of its file path and name). */
export function expectedErrorsFor(testPath: string | undefined, testName: string | undefined) {
  const path = (testPath ?? "").split("\\").join("/")
  return EXPECTED_ERRORS.filter((e) => path.endsWith(e.file) && (testName ?? "").endsWith(e.test)).flatMap((e) => e.patterns)
}
