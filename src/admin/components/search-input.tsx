import { MagnifyingGlassMini } from "@medusajs/icons"
import { Input, clx } from "@medusajs/ui"
import { forwardRef, type ComponentPropsWithoutRef } from "react"

type SearchInputProps = Omit<ComponentPropsWithoutRef<typeof Input>, "type">

/**
 * A search box that looks like @medusajs/ui's `Input type="search"`. That one draws its magnifier
 * in a `role="img"` box without a name, which screen readers announce as an unnamed image (axe:
 * role-img-alt); here the magnifier is decoration, hidden from them.
 */
export const SearchInput = forwardRef<HTMLInputElement, SearchInputProps>(({ className, size = "base", ...props }, ref) => (
  <div className="relative">
    <Input ref={ref} type="text" role="searchbox" size={size} className={clx(size === "small" ? "pl-7" : "pl-8", className)} {...props} />
    <span
      aria-hidden="true"
      className={clx(
        "text-ui-fg-muted pointer-events-none absolute bottom-0 left-0 flex items-center justify-center",
        size === "small" ? "h-7 w-7" : "h-8 w-8"
      )}
    >
      <MagnifyingGlassMini />
    </span>
  </div>
))
SearchInput.displayName = "SearchInput"
