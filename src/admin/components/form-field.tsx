import { Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import {
  Controller,
  type Control,
  type ControllerFieldState,
  type ControllerRenderProps,
  type FieldPath,
  type FieldValues,
} from "react-hook-form"
import { FieldError } from "./common"

/** What a field's input needs to be wired to the form and to its label, hint and error. */
export type FieldControlProps = {
  id: string
  "aria-invalid": true | undefined
  "aria-describedby": string | undefined
}

/**
 * One form field as the dashboard lays it out: label, input, hint, and the schema's error for this
 * field under the input (gone as soon as the value is valid again).
 */
export function FormField<T extends FieldValues, N extends FieldPath<T>>({
  control,
  name,
  id,
  label,
  optional,
  hint,
  className,
  render,
}: {
  control: Control<T>
  name: N
  id: string
  label: ReactNode
  /** Shown after the label, e.g. "(optional)". */
  optional?: ReactNode
  hint?: ReactNode
  className?: string
  render: (props: { field: ControllerRenderProps<T, N>; fieldState: ControllerFieldState; control: FieldControlProps }) => ReactNode
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message
        const hintId = hint ? `${id}-hint` : undefined
        const errorId = error ? `${id}-error` : undefined
        return (
          <div className={className ?? "flex flex-col gap-y-2"}>
            <Label htmlFor={id} weight="plus">
              {label}
              {optional ? <span className="text-ui-fg-muted font-normal"> {optional}</span> : null}
            </Label>
            {render({
              field,
              fieldState,
              control: {
                id,
                "aria-invalid": error ? true : undefined,
                "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined,
              },
            })}
            {hint && !error ? (
              <Text id={hintId} size="small" className="text-ui-fg-subtle">
                {hint}
              </Text>
            ) : null}
            <FieldError id={errorId} message={error} />
          </div>
        )
      }}
    />
  )
}
