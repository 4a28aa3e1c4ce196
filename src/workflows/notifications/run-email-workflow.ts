import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recordEmailFailedWorkflow } from "./record-email-failed"

type EmailWorkflow<I> = (container: MedusaContainer) => {
  run: (args: { input: I; throwOnError: false }) => Promise<{ errors: { error: unknown }[] }>
}

/**
 * How subscribers start an email workflow: a workflow that fails before its send step could log
 * the failure (a missing record, a PDF that would not render) is logged and recorded in the
 * activity log, so the owner sees it and can resend; the business change behind it stands.
 */
export async function runEmailWorkflow<I>(
  container: MedusaContainer,
  workflow: EmailWorkflow<I>,
  input: I,
  about: { customer_id: string; subject_type: "invoice" | "estimate"; subject_id: string; what: string }
) {
  const { errors } = await workflow(container).run({ input, throwOnError: false })
  if (!errors.length) {
    return
  }
  const message = errors.map(({ error }) => (error as Error)?.message ?? String(error)).join("; ")
  container.resolve(ContainerRegistrationKeys.LOGGER).error(`${about.what} failed: ${message}`)
  await recordEmailFailedWorkflow(container).run({
    input: { customer_id: about.customer_id, subject_type: about.subject_type, subject_id: about.subject_id, error: message },
  })
}
