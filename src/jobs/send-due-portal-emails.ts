import type { MedusaContainer } from "@medusajs/framework/types"
import { sendDuePortalEmailsWorkflow } from "../workflows/access"

/**
 * Every minute, on the instance that runs jobs (the worker): emails owed by sent documents whose
 * delivery never ended (a server killed mid-send). Each is claimed, so it goes out once.
 * `PORTAL_JOBS=off` skips it (the test suites that re-create the database under a running app
 * run its workflow themselves).
 */
export default async function sendDuePortalEmailsJob(container: MedusaContainer) {
  if (process.env.PORTAL_JOBS === "off") {
    return
  }
  await sendDuePortalEmailsWorkflow(container).run({ input: { now: new Date() } })
}

export const config = {
  name: "send-due-portal-emails",
  schedule: "* * * * *",
}
