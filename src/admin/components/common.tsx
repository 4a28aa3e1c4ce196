import { ExclamationCircle } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage } from "../lib/errors"

/** A label / value row, like the dashboard's detail sections. */
export const SectionRow = ({ title, value, testId }: { title: string; value: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-2 px-6 py-4" data-testid={testId}>
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    {typeof value === "string" || typeof value === "number" ? (
      <Text size="small" leading="compact" className="whitespace-pre-line text-pretty">
        {value}
      </Text>
    ) : (
      <div>{value}</div>
    )}
  </div>
)

export const SectionHeader = ({
  title,
  description,
  actions,
  level = "h2",
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  level?: "h1" | "h2"
}) => (
  <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
    <div className="flex flex-col gap-y-1">
      <Heading level={level}>{title}</Heading>
      {description ? (
        <Text size="small" className="text-ui-fg-subtle text-pretty">
          {description}
        </Text>
      ) : null}
    </div>
    {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
  </div>
)

/** Loading placeholder for a section: a few grey bars, as the dashboard shows. */
export const SectionSkeleton = ({ rows = 3, className }: { rows?: number; className?: string }) => (
  <Container className={clx("divide-y p-0", className)} aria-busy="true">
    <div className="px-6 py-4">
      <Skeleton className="h-7 w-40" />
    </div>
    {Array.from({ length: rows }, (_, i) => (
      <div key={i} className="grid grid-cols-2 gap-x-2 px-6 py-4">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-5 w-32" />
      </div>
    ))}
  </Container>
)

export const EmptyState = ({ title, description, action }: { title: string; description?: string; action?: ReactNode }) => (
  <div className="flex flex-col items-center justify-center gap-y-2 px-6 py-10 text-center">
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    {description ? (
      <Text size="small" className="text-ui-fg-muted max-w-[360px]">
        {description}
      </Text>
    ) : null}
    {action ? <div className="mt-2">{action}</div> : null}
  </div>
)

/** A failed load: the API's message and a retry, inside the section it failed. */
export const ErrorState = ({ error, onRetry, title = "Could not load this section" }: { error: unknown; onRetry?: () => void; title?: string }) => (
  <div role="alert" className="flex flex-col items-center justify-center gap-y-2 px-6 py-10 text-center">
    <ExclamationCircle className="text-ui-fg-error" />
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    <Text size="small" className="text-ui-fg-subtle max-w-[420px]">
      {errorMessage(error)}
    </Text>
    {onRetry ? (
      <Button size="small" variant="secondary" onClick={onRetry} className="mt-2">
        Try again
      </Button>
    ) : null}
  </div>
)

/** A field's error as Medusa forms show it: small, red, under the input. */
export const FieldError = ({ id, message }: { id?: string; message?: string }) =>
  message ? (
    <Text id={id} size="small" leading="compact" className="text-ui-fg-error" role="alert">
      {message}
    </Text>
  ) : null
