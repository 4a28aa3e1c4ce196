import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { LinkCheck, LinkRefusal, LinkTokenCheck } from "../../api/utils/link-check"
import type { PortalSessionChannel } from "../../modules/portal/constants"
import type PortalModuleService from "../../modules/portal/service"
import { checkPortalLinkStep, endPortalSessionStep, startPortalSessionStep } from "./steps"

export const openPortalLinkWorkflowId = "open-portal-link"

export type OpenPortalLinkInput = {
  /**
   * The module's verdict on the link's token (`verifyPortalToken`, run by the caller): the raw
   * token, a credential, never enters a workflow, whose input an engine may store.
   */
  token_check: LinkTokenCheck
  channel: PortalSessionChannel
  /** The client's address, for the per-address limit on failed opens. */
  client_address: string
  /** A session never outlives its link, and lasts at most this long. */
  max_seconds: number
  /** The session this browser (or storefront) had, ended when it switches to this link. */
  previous?: { customer_id: string; session_id: string } | null
}

type StartedSession = Awaited<ReturnType<PortalModuleService["startPortalSession"]>>["session"]

export type OpenPortalLinkResult =
  | { opened: true; session: StartedSession }
  | { opened: false; reason: LinkRefusal; retry_after?: number }

/**
 * A customer opens a magic link: the portal page's button and a storefront's exchange run this
 * one workflow. The link is checked: token valid, portal on, access enabled, customer exists. A
 * refusal is logged and counted per client address, and returned as a result. A usable link ends
 * the previous session, starts a new one (stamping the link's last use and the customer's last
 * visit) and logs the open. Each write is one statement, with no read before it and no
 * transaction around it. The caller signs the session token.
 */
export const openPortalLinkWorkflow = createWorkflow(openPortalLinkWorkflowId, (input: OpenPortalLinkInput) => {
  const check = checkPortalLinkStep(
    transform({ input }, ({ input }) => ({
      token_check: input.token_check,
      via: input.channel,
      client_address: input.client_address,
    }))
  )
  when({ input, check }, ({ input, check }) => check.usable && Boolean(input.previous)).then(() => {
    const previous = transform({ input }, ({ input }) => ({
      customer_id: input.previous!.customer_id,
      session_id: input.previous!.session_id,
    }))
    endPortalSessionStep(previous)
  })
  const session = when({ check }, ({ check }) => check.usable).then(() =>
    startPortalSessionStep(
      transform({ input, check }, ({ input, check }) => ({
        customer_id: usableLink(check).customer_id,
        token_id: usableLink(check).token_id,
        channel: input.channel,
        max_seconds: input.max_seconds,
      }))
    )
  )
  const result = transform({ check, session }, ({ check, session }): OpenPortalLinkResult =>
    check.usable
      ? { opened: true, session: session as StartedSession }
      : { opened: false, reason: check.reason, ...(check.retry_after ? { retry_after: check.retry_after } : {}) }
  )
  return new WorkflowResponse(result)
})

function usableLink(check: LinkCheck) {
  if (!check.usable) {
    throw new Error("open-portal-link: a refused link cannot start a session")
  }
  return check.link
}
