import { XMark } from "@medusajs/icons"
import { Drawer, FocusModal, IconButton, Kbd } from "@medusajs/ui"
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from "react"

// @medusajs/ui's FocusModal.Header and Drawer.Header draw their close button as an icon without a
// name: screen readers announce a bare "button" (axe: button-name). These are the same headers,
// laid out as Medusa's, with the close button named.

/** Takes the props and ref Radix's `Close asChild` passes on. */
const CloseButton = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<"button">>((props, ref) => (
  <IconButton ref={ref} size="small" type="button" variant="transparent" aria-label="Close" {...props}>
    <XMark />
  </IconButton>
))
CloseButton.displayName = "CloseButton"

/** The top bar of a FocusModal: close button and "esc" on the left, `children` (actions) on the right. */
export const FocusModalHeader = ({ children }: { children?: ReactNode }) => (
  <div className="border-ui-border-base flex items-center justify-between gap-x-4 border-b px-4 py-2">
    <div className="flex items-center gap-x-2">
      <FocusModal.Close asChild>
        <CloseButton />
      </FocusModal.Close>
      <Kbd>esc</Kbd>
    </div>
    {children}
  </div>
)

/** The top of a Drawer: its title (`children`) on the left, "esc" and the close button on the right. */
export const DrawerHeader = ({ children }: { children: ReactNode }) => (
  <div className="border-ui-border-base flex items-start justify-between gap-x-4 border-b px-6 py-4">
    <div className="flex flex-col gap-y-1">{children}</div>
    <div className="flex items-center gap-x-2">
      <Kbd>esc</Kbd>
      <Drawer.Close asChild>
        <CloseButton />
      </Drawer.Close>
    </div>
  </div>
)
