import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules, PaymentActions } from "@medusajs/framework/utils"
import { processPaymentWorkflow } from "@medusajs/medusa/core-flows"
import { serializePortalInvoiceDetail } from "../../../../../../lib/serializers"
import { PORTAL_MODULE } from "../../../../../../modules/portal"
import type PortalModuleService from "../../../../../../modules/portal/service"
import { portalCustomerId } from "../../../../../utils/portal-auth"
import { renderPortalMessage } from "../../../../../utils/portal-pages"

/**
 * Where Stripe sends the customer back. The query string is not trusted: the invoice's own
 * payment session is pushed through Medusa's `processPaymentWorkflow`, which asks Stripe for the
 * PaymentIntent's real status; only a succeeded payment is captured and recorded (by the same
 * subscriber as the webhook, so whichever comes first wins and the other changes nothing).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const portal = req.scope.resolve<PortalModuleService>(PORTAL_MODULE)
  const customerId = portalCustomerId(req)
  const invoice = await portal.retrieveCustomerInvoice(customerId, req.params.id)

  let latestSessionId: string | null = null
  if (invoice.status === "sent") {
    const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "portal_invoice",
      fields: [
        "payment_collection.payment_sessions.id",
        "payment_collection.payment_sessions.amount",
        "payment_collection.payment_sessions.created_at",
      ],
      filters: { id: invoice.id },
    })
    const sessions = ((data[0] as Record<string, any>)?.payment_collection?.payment_sessions ?? []) as {
      id: string
      amount: number
      created_at: string
    }[]
    const latest = sessions.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))[0]
    if (latest) {
      latestSessionId = latest.id
      await processPaymentWorkflow(req.scope)
        .run({ input: { action: PaymentActions.SUCCESSFUL, data: { session_id: latest.id, amount: latest.amount } } })
        .catch(() => undefined) // not paid (yet): the page below says so
    }
  }

  // The payment is recorded by a subscriber; give it a moment before reading the result.
  let current = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(customerId, req.params.id))
  for (let i = 0; i < 20 && current.status !== "paid" && invoice.status === "sent"; i++) {
    await new Promise((r) => setTimeout(r, 150))
    current = serializePortalInvoiceDetail(await portal.retrieveCustomerInvoice(customerId, req.params.id))
  }
  if (current.status === "paid") {
    return renderPortalMessage(req, res, 200, {
      title: "Thank you: payment received",
      paragraphs: [`Invoice ${current.number} is paid. A receipt is on its way to your email.`],
      link: { url: `/portal/invoices/${current.id}`, label: "View the invoice" },
    })
  }
  // A refused authorisation leaves Stripe's own explanation on the session.
  const reason = latestSessionId ? await stripeFailureReason(req, latestSessionId) : null
  const failed = Boolean(reason) || req.query.redirect_status === "failed"
  return renderPortalMessage(req, res, failed ? 402 : 202, {
    title: failed ? "Your payment did not go through" : "We are confirming your payment",
    paragraphs: failed
      ? [...(reason ? [reason] : []), "Nothing was charged. You can try again with another card or payment method."]
      : [
          "Your bank is still confirming the payment. This page will show it as paid once it is; you will also get a receipt by email.",
        ],
    link: { url: `/portal/invoices/${current.id}`, label: failed ? "Try again" : "Back to the invoice" },
  })
}

async function stripeFailureReason(req: MedusaRequest, sessionId: string): Promise<string | null> {
  const [session] = await req.scope.resolve(Modules.PAYMENT).listPaymentSessions({ id: sessionId }, { take: 1 })
  const error = (session?.data as { last_payment_error?: { message?: string } } | undefined)?.last_payment_error
  return typeof error?.message === "string" ? error.message : null
}
