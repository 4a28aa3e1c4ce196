import { Text, Tooltip, clx } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ACTOR_LABELS } from "../lib/events"
import { formatDateTime } from "../lib/format"

export type TimelineItem = {
  id: string
  title: string
  /** The admin page of the entry's document: the title links to it. */
  href?: string
  /** Who did it: "Customer", "You", "System"; omitted for the document's own dates. */
  actor?: string
  at: string
  tone?: "default" | "success" | "error"
}

export const actorLabel = (actor: keyof typeof ACTOR_LABELS) => ACTOR_LABELS[actor] ?? actor

/** A vertical timeline, newest first, like the order activity section of the dashboard. */
export const ActivityTimeline = ({ items, testId }: { items: TimelineItem[]; testId?: string }) => (
  <ol className="flex flex-col px-6 py-4" data-testid={testId}>
    {items.map((item, index) => (
      <li key={item.id} className="grid grid-cols-[20px_1fr] items-start gap-x-2" data-testid="timeline-item">
        <div className="flex size-full flex-col items-center gap-y-0.5">
          <div className="flex size-5 items-center justify-center">
            <div className="bg-ui-bg-base shadow-borders-base flex size-2.5 items-center justify-center rounded-full">
              <div
                className={clx("size-1.5 rounded-full", {
                  "bg-ui-tag-neutral-icon": !item.tone || item.tone === "default",
                  "bg-ui-tag-green-icon": item.tone === "success",
                  "bg-ui-tag-red-icon": item.tone === "error",
                })}
              />
            </div>
          </div>
          {index < items.length - 1 ? <div className="bg-ui-border-base w-px flex-1" /> : null}
        </div>
        <div className={clx("flex flex-col", { "pb-4": index < items.length - 1 })}>
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" leading="compact" weight="plus">
              {item.href ? (
                <Link to={item.href} className="text-ui-fg-interactive-hover hover:underline">
                  {item.title}
                </Link>
              ) : (
                item.title
              )}
            </Text>
            <Tooltip content={new Date(item.at).toISOString()}>
              <Text size="small" leading="compact" className="text-ui-fg-subtle whitespace-nowrap">
                {formatDateTime(item.at)}
              </Text>
            </Tooltip>
          </div>
          {item.actor ? (
            <Text size="small" leading="compact" className="text-ui-fg-subtle">
              {item.actor}
            </Text>
          ) : null}
        </div>
      </li>
    ))}
  </ol>
)
