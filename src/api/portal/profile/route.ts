import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { formText } from "../../../lib/form-text"
import { fieldErrors, PortalProfileInput } from "../../../lib/profile-input"
import { updatePortalProfileWorkflow } from "../../../workflows/profile"
import { portalCustomerId } from "../../utils/portal-auth"
import { sendPortalPage } from "../../utils/portal-pages"
import { loadPortalProfile } from "../../loaders"
import { profileFormValues } from "../../utils/portal-profile"
import { requestCustomerLocale, requestT } from "../../utils/request-locale"
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "../../../lib/i18n"

/** The language picker: each language named in itself, so its speaker finds it. */
const LANGUAGES = SUPPORTED_LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))
import { PORTAL_MODULE } from "../../../modules/portal"
import type PortalModuleService from "../../../modules/portal/service"

/** The customer's choice about overdue payment reminders, shown in its own form on the page. */
async function remindersOptOut(req: MedusaRequest, customerId: string) {
  const [access] = await req.scope
    .resolve<PortalModuleService>(PORTAL_MODULE)
    .listPortalAccesses({ customer_id: customerId }, { take: 1, select: ["id", "reminders_opt_out"] })
  return access?.reminders_opt_out ?? false
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = portalCustomerId(req)
  const { customer } = await loadPortalProfile(req.scope, customerId)
  await sendPortalPage(req, res, 200, "profile.html.njk", {
    title: (await requestT(req))("page.profile.title"),
    profile: { ...profileFormValues(customer), locale: requestCustomerLocale(req) ?? "" },
    languages: LANGUAGES,
    reminders_opt_out: await remindersOptOut(req, customerId),
    errors: {},
    saved: req.query.saved === "1",
  })
}

/** Saves through Medusa's customer workflows; a refused field is shown next to it, nothing saved. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = portalCustomerId(req)
  const { _csrf, ...body } = (req.body ?? {}) as Record<string, unknown>
  const parsed = PortalProfileInput.safeParse(body)
  if (!parsed.success) {
    const { customer } = await loadPortalProfile(req.scope, customerId)
    return sendPortalPage(req, res, 400, "profile.html.njk", {
      title: (await requestT(req))("page.profile.title"),
      // Shown back as typed, but only text: arrays and objects (`phone[toString]=`) are dropped.
      profile: { ...Object.fromEntries(Object.entries(body).map(([k, v]) => [k, formText(v)])), email: customer.email },
      languages: LANGUAGES,
      errors: fieldErrors(parsed.error, await requestT(req)),
      reminders_opt_out: await remindersOptOut(req, customerId),
    })
  }
  await updatePortalProfileWorkflow(req.scope).run({ input: { customer_id: customerId, profile: parsed.data } })
  res.redirect(303, "/portal/profile?saved=1")
}
