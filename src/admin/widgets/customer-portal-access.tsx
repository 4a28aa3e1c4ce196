import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { ArrowUpRightOnBox, Envelope, SquareTwoStack, Trash } from "@medusajs/icons"
import { Button, Container, IconButton, InlineTip, Label, Select, Switch, Text, Tooltip, toast, usePrompt } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ErrorState, SectionHeader, SectionRow, SectionSkeleton } from "../components/common"
import { EmailStatement } from "../components/email-statement"
import { AccessStatusBadge } from "../components/status-badges"
import {
  useCreatePortalLink,
  usePortalAccess,
  usePortalSettings,
  useRevokePortalLink,
  useSendPortalAccess,
  useSetPortalAccess,
  useSetPortalLocale,
  useSetRemindersOptOut,
} from "../hooks/api"
import { errorMessage } from "../lib/errors"
import { formatDate, formatDateTime } from "../lib/format"
import type { AdminPortalLink } from "../../types/http"
import { LOCALE_NAMES, type PortalLocale, SUPPORTED_LOCALES } from "../../lib/i18n/locale"

/** The Select's value for "no choice" (a Select item cannot have an empty value). */
const AUTOMATIC = "auto"

/** Copies with the async Clipboard API; false when the browser refuses (no permission, no focus). */
async function copyToClipboard(text: string) {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

/**
 * The customer's portal access on the customer page: status, when it was sent and opened, the
 * owner's actions (send / resend, copy a link, view as the customer, disable / enable) and the
 * live links, each revocable.
 */
const CustomerPortalAccessWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const access = usePortalAccess(customer.id)
  const settings = usePortalSettings()
  const send = useSendPortalAccess(customer.id)
  const createLink = useCreatePortalLink(customer.id)
  const setAccess = useSetPortalAccess(customer.id)
  const setLocale = useSetPortalLocale(customer.id)
  const prompt = usePrompt()

  if (access.isLoading) {
    return <SectionSkeleton rows={3} />
  }
  if (access.isError || !access.data) {
    return (
      <Container className="p-0">
        <SectionHeader title="Customer portal" />
        <ErrorState error={access.error} onRetry={() => access.refetch()} title="Could not load portal access" />
      </Container>
    )
  }

  const state = access.data
  const portalOff = settings.data?.enabled === false
  const sent = !!state.first_sent_at
  const disabled = state.status === "disabled"

  const onSend = async () => {
    try {
      const result = await send.mutateAsync()
      if (result.email.status === "success") {
        toast.success(sent ? "Portal access sent again" : "Portal access sent", {
          description: `${customer.email} was emailed a new link to their portal.`,
        })
      } else {
        toast.warning("The link was created but the email was not sent", {
          description: `${result.email.error ?? "The email provider refused it."} Copy the link and send it yourself, or try again.`,
        })
      }
    } catch (error) {
      toast.error("Could not send portal access", { description: errorMessage(error) })
    }
  }

  const onCopy = async () => {
    try {
      const { link } = await createLink.mutateAsync()
      if (await copyToClipboard(link.url)) {
        toast.success("Portal link copied", {
          description: `Paste it to ${customer.first_name || "the customer"}. It works until ${formatDate(link.expires_at)}.`,
        })
      } else {
        // The browser refused the clipboard: show the link so it can be copied by hand.
        window.prompt("Copy the portal link", link.url)
      }
    } catch (error) {
      toast.error("Could not create a portal link", { description: errorMessage(error) })
    }
  }

  const onView = async () => {
    // Opened before the request, so the browser's pop-up blocker treats it as the click's own tab.
    const tab = window.open("", "_blank")
    try {
      const { link } = await createLink.mutateAsync()
      if (tab) {
        tab.opener = null
        tab.location.href = link.url
      } else {
        window.open(link.url, "_blank", "noopener")
      }
    } catch (error) {
      tab?.close()
      toast.error("Could not open the portal", { description: errorMessage(error) })
    }
  }

  const onLocale = async (value: string) => {
    const locale = value === AUTOMATIC ? null : (value as PortalLocale)
    try {
      await setLocale.mutateAsync(locale)
      toast.success("Language saved", {
        description: locale
          ? `The portal, emails and PDFs are in ${LOCALE_NAMES[locale]} for this customer.`
          : "The customer's browser language is used, then the shop default.",
      })
    } catch (error) {
      toast.error("Could not save the language", { description: errorMessage(error) })
    }
  }

  const onToggle = async () => {
    const enable = disabled
    const confirmed = await prompt({
      title: enable ? "Enable portal access?" : "Disable portal access?",
      description: enable
        ? "The customer can use the portal again with a new link. Links revoked when access was disabled stay revoked: send or copy a new one."
        : "Every link of this customer stops working and their open portal session ends on its next request. You can enable access again later.",
      confirmText: enable ? "Enable access" : "Disable access",
      cancelText: "Cancel",
      variant: enable ? "confirmation" : "danger",
    })
    if (!confirmed) return
    try {
      await setAccess.mutateAsync(enable)
      toast.success(enable ? "Portal access enabled" : "Portal access disabled", {
        description: enable ? "Send or copy a new link for the customer." : "The customer can no longer open the portal.",
      })
    } catch (error) {
      toast.error(enable ? "Could not enable portal access" : "Could not disable portal access", {
        description: errorMessage(error),
      })
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="customer-portal-widget" data-portal-extension="">
      <SectionHeader
        title={
          <span className="flex items-center gap-x-2">
            Customer portal
            <span data-testid="portal-access-status">
              <AccessStatusBadge status={state.status} />
            </span>
          </span>
        }
      />
      {portalOff ? (
        <div className="px-6 py-4">
          <InlineTip label="The portal is off" variant="warning">
            Links are refused until you turn it on in{" "}
            <Link to="/settings/customer-portal" className="text-ui-fg-interactive-hover hover:underline">
              Settings → Customer Portal
            </Link>
            .
          </InlineTip>
        </div>
      ) : null}
      <SectionRow title="First sent" value={formatDateTime(state.first_sent_at, "Never")} testId="portal-first-sent" />
      <SectionRow title="Last sent" value={formatDateTime(state.last_sent_at, "Never")} testId="portal-last-sent" />
      <SectionRow title="Last opened" value={formatDateTime(state.last_opened_at, "Never")} testId="portal-last-opened" />
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Text size="small" weight="plus" leading="compact" id="portal-locale-label">
          Language
        </Text>
        <div className="w-[200px]">
          <Select size="small" value={state.locale ?? AUTOMATIC} onValueChange={onLocale} disabled={setLocale.isPending}>
            <Select.Trigger aria-labelledby="portal-locale-label" data-testid="portal-locale">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={AUTOMATIC}>Automatic (browser, then shop default)</Select.Item>
              {SUPPORTED_LOCALES.map((locale) => (
                <Select.Item key={locale} value={locale}>
                  {LOCALE_NAMES[locale]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {!customer.email ? (
          <Text size="small" className="text-ui-fg-subtle">
            Add an email address to this customer to send portal access.
          </Text>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button size="small" onClick={onSend} isLoading={send.isPending} disabled={disabled || !customer.email}>
            <Envelope />
            {sent ? "Resend Portal Access" : "Send Portal Access"}
          </Button>
          <Button size="small" variant="secondary" onClick={onCopy} isLoading={createLink.isPending} disabled={disabled}>
            <SquareTwoStack />
            Copy portal link
          </Button>
          <Button size="small" variant="secondary" onClick={onView} disabled={disabled || createLink.isPending}>
            <ArrowUpRightOnBox />
            View portal as customer
          </Button>
        </div>
        <div>
          <Button
            size="small"
            variant={disabled ? "secondary" : "danger"}
            onClick={onToggle}
            isLoading={setAccess.isPending}
          >
            {disabled ? "Enable portal access" : "Disable portal access"}
          </Button>
        </div>
      </div>
      <RemindersRow customerId={customer.id} optOut={state.reminders_opt_out} />
      <EmailStatement customerId={customer.id} email={customer.email} />
      <LiveLinks customerId={customer.id} links={state.links} />
    </Container>
  )
}

/** Overdue payment reminders for this customer: the owner's switch (the customer has the same in Profile). */
const RemindersRow = ({ customerId, optOut }: { customerId: string; optOut: boolean }) => {
  const setOptOut = useSetRemindersOptOut(customerId)
  const onChange = async (on: boolean) => {
    try {
      await setOptOut.mutateAsync(!on)
      toast.success(on ? "Payment reminders on" : "Payment reminders off")
    } catch (error) {
      toast.error("Could not change payment reminders", { description: errorMessage(error) })
    }
  }
  return (
    <div className="flex items-start justify-between gap-x-4 px-6 py-4">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor={`portal-reminders-${customerId}`} size="small" weight="plus">
          Payment reminders
        </Label>
        <Text size="small" className="text-ui-fg-subtle text-pretty">
          Emails on the schedule set in Settings → Customer Portal. The customer can also turn them off in their profile.
        </Text>
      </div>
      <Switch
        id={`portal-reminders-${customerId}`}
        data-testid="portal-reminders-switch"
        checked={!optOut}
        disabled={setOptOut.isPending}
        onCheckedChange={onChange}
      />
    </div>
  )
}

const LiveLinks = ({ customerId, links }: { customerId: string; links: AdminPortalLink[] }) => {
  const revoke = useRevokePortalLink(customerId)
  const prompt = usePrompt()

  const onRevoke = async (link: AdminPortalLink) => {
    const confirmed = await prompt({
      title: "Revoke this link?",
      description: "It stops working at once, including a portal session opened with it. Other links keep working.",
      confirmText: "Revoke",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await revoke.mutateAsync(link.id)
      toast.success("Link revoked")
    } catch (error) {
      toast.error("Could not revoke the link", { description: errorMessage(error) })
    }
  }

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="portal-live-links">
      <Text size="small" weight="plus" leading="compact">
        Live links ({links.length})
      </Text>
      {links.length === 0 ? (
        <Text size="small" className="text-ui-fg-subtle">
          No link works right now.
        </Text>
      ) : (
        <ul className="flex flex-col gap-y-2">
          {links.map((link) => (
            <li
              key={link.id}
              className="shadow-borders-base flex items-center justify-between gap-x-2 rounded-md px-3 py-2"
              data-testid="portal-live-link"
            >
              <div className="flex min-w-0 flex-col">
                <Text size="small" leading="compact" weight="plus">
                  {link.source === "email" ? "Emailed" : "Copied"} {formatDate(link.created_at)}
                </Text>
                <Text size="small" leading="compact" className="text-ui-fg-subtle">
                  Expires {formatDate(link.expires_at)} · {link.last_used_at ? `last used ${formatDateTime(link.last_used_at)}` : "never used"}
                </Text>
              </div>
              <Tooltip content="Revoke this link">
                <IconButton size="small" variant="transparent" aria-label="Revoke link" onClick={() => onRevoke(link)}>
                  <Trash />
                </IconButton>
              </Tooltip>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.side",
})

export default CustomerPortalAccessWidget
