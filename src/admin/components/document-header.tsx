import { PaperPlane, PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, Text, toast, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Link, useNavigate } from "react-router-dom"
import type { AdminDocument, AdminDocumentKind } from "../../types/http"
import { useDeleteDocument, useDocumentAction } from "../hooks/api"
import { errorMessage } from "../lib/errors"
import { customerName, formatMoney } from "../lib/format"
import { SectionHeader } from "./common"
import { DocumentFormModal } from "./document-form"

/** A button of the header: an action (`onClick`) or a link (`to`). The primary one goes last. */
export type DocumentHeaderAction = {
  label: string
  icon?: ReactNode
  primary?: boolean
  onClick?: () => void
  to?: string
  isLoading?: boolean
}

const NOUN: Record<AdminDocumentKind, { title: string; sendNote: (who: string) => string }> = {
  invoice: {
    title: "Invoice",
    sendNote: (who) => `${who} gets it by email with a link to their portal.`,
  },
  estimate: {
    title: "Estimate",
    sendNote: (who) => `${who} can accept or reject it in their portal.`,
  },
}

/**
 * The top of an invoice or estimate page: number, status, customer and total, and the owner's
 * actions. What both kinds share is here (Delete, Edit and Send on a draft, Resend once sent);
 * each page passes its own (`actions`: Void and Record payment, Convert and View invoice) and
 * anything it adds below the header (`children`: notes, the drawers its actions open).
 */
export const DocumentHeader = ({
  kind,
  document,
  badge,
  actions = [],
  children,
}: {
  kind: AdminDocumentKind
  document: AdminDocument
  badge: ReactNode
  actions?: DocumentHeaderAction[]
  children?: ReactNode
}) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const [editOpen, setEditOpen] = useState(false)
  const send = useDocumentAction(kind, "send")
  const remove = useDeleteDocument(kind)
  const { title } = NOUN[kind]
  const noun = kind
  const draft = document.status === "draft"
  const who = document.customer?.email ?? customerName(document.customer, "the customer")

  const onSend = async () => {
    const resend = document.status === "sent"
    const confirmed = await prompt({
      title: resend ? `Send this ${noun} again?` : `Send this ${noun}?`,
      description: resend
        ? `${who} gets the ${noun} by email again, with a fresh link to their portal.`
        : `It gets its number and can no longer be edited. ${NOUN[kind].sendNote(who)}`,
      confirmText: resend ? "Send again" : `Send ${noun}`,
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    try {
      const response = await send.mutateAsync({ id: document.id })
      const sent = response[kind]
      toast.success(`${title} ${sent?.display_number ?? ""} sent`, { description: `Emailed to ${who}.` })
    } catch (error) {
      toast.error(`Could not send the ${noun}`, { description: errorMessage(error) })
    }
  }

  const onDelete = async () => {
    const confirmed = await prompt({
      title: "Delete this draft?",
      description: `The draft ${noun} and its lines are deleted. The customer never saw it.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    try {
      await remove.mutateAsync(document.id)
      toast.success(`Draft ${noun} deleted`)
      navigate(`/${kind}s`, { replace: true })
    } catch (error) {
      toast.error("Could not delete the draft", { description: errorMessage(error) })
    }
  }

  const shared: DocumentHeaderAction[] = draft
    ? [
        { label: "Delete", icon: <Trash />, onClick: onDelete, isLoading: remove.isPending },
        { label: "Edit", icon: <PencilSquare />, onClick: () => setEditOpen(true) },
        { label: `Send ${noun}`, icon: <PaperPlane />, onClick: onSend, isLoading: send.isPending, primary: true },
      ]
    : document.status === "sent"
      ? [{ label: "Resend", icon: <PaperPlane />, onClick: onSend, isLoading: send.isPending }]
      : []
  // Secondary buttons first, the primary one last, as in the dashboard's own headers.
  const buttons = [...shared, ...actions].sort((a, b) => Number(!!a.primary) - Number(!!b.primary))

  return (
    <Container className="divide-y p-0" data-testid="document-header">
      <SectionHeader
        level="h1"
        title={
          <span className="flex items-center gap-x-2">
            {document.display_number ? `${title} ${document.display_number}` : `Draft ${noun}`}
            {badge}
          </span>
        }
        description={`${customerName(document.customer, document.customer_id)} · ${formatMoney(document.total, document.currency_code)}`}
        actions={
          buttons.length ? (
            <div className="flex flex-wrap items-center gap-2" data-testid="document-actions">
              {buttons.map((action) => (
                <HeaderButton key={action.label} action={action} />
              ))}
            </div>
          ) : null
        }
      />
      {draft ? (
        <div className="px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">
            A draft: the customer cannot see it yet, and it gets its number when you send it.
          </Text>
        </div>
      ) : null}
      {children}
      {draft ? <DocumentFormModal kind={kind} open={editOpen} onOpenChange={setEditOpen} document={document} /> : null}
    </Container>
  )
}

const HeaderButton = ({ action }: { action: DocumentHeaderAction }) => {
  const variant = action.primary ? "primary" : "secondary"
  if (action.to) {
    return (
      <Button size="small" variant={variant} asChild>
        <Link to={action.to}>
          {action.icon}
          {action.label}
        </Link>
      </Button>
    )
  }
  return (
    <Button size="small" variant={variant} onClick={action.onClick} isLoading={action.isLoading}>
      {action.icon}
      {action.label}
    </Button>
  )
}
