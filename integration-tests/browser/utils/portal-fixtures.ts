/// <reference lib="dom" />
// measureInPage runs in the browser: it uses DOM globals.
import fs from "fs"
import path from "path"
import type { Page } from "playwright-core"
import { axeViolations } from "./axe"

/** A phone and a desktop viewport: every portal page is captured at both widths. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const

/** Widths every portal page must fit without sideways scrolling: a small phone and a laptop. */
export const LAYOUT_WIDTHS = [360, 1280] as const

/** What a page's layout does wrong at one width; empty when nothing. */
export type LayoutProblems = {
  /** The document is wider than the window: the page scrolls sideways. */
  page_overflow: { scroll_width: number; inner_width: number } | null
  /** Boxes that hide content sideways (a scrolled or clipped table, say): nothing hints at it on a phone. */
  hidden_overflow: string[]
  /** Status badges whose text is cut ("Pendin") or that reach past the window. */
  clipped_badges: string[]
  /** Document numbers, amounts, dates and badges that break over two lines ("INV-/0003"). */
  broken_values: string[]
  /** Numbers, amounts, dates and badges whose text runs out of their own box (over a card's edge). */
  spilled_values: string[]
  /** axe-core's serious and critical violations: `rule (impact): help — selectors` (issue 13, item 7). */
  axe_violations: string[]
}

/** Runs in the page: measures the document, every box that scrolls or clips sideways, and every badge. */
function measureInPage(): Omit<LayoutProblems, "axe_violations"> {
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} "${(el.textContent || "").trim().slice(0, 40)}"`
  // Text for screen readers only (.sr-only: a 1 px box that clips): not laid out for the eye.
  const visuallyHidden = (el: Element) => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e.getBoundingClientRect().width <= 1 && getComputedStyle(e).overflowX !== "visible") {
        return true
      }
    }
    return false
  }
  const root = document.documentElement
  const hidden: string[] = []
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    const overflow = getComputedStyle(el).overflowX
    if (overflow !== "visible" && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
      hidden.push(`${describe(el)} ${el.scrollWidth}>${el.clientWidth}`)
    }
  }
  const badges: string[] = []
  for (const el of Array.from(document.querySelectorAll(".badge"))) {
    const rect = el.getBoundingClientRect()
    if (el.scrollWidth > el.clientWidth || rect.left < 0 || rect.right > window.innerWidth + 0.5) {
      badges.push(describe(el))
    }
  }
  const broken: string[] = []
  const spilled: string[] = []
  for (const el of Array.from(document.querySelectorAll(".doc-number, .nowrap, .num, .badge, time"))) {
    if (visuallyHidden(el)) {
      continue
    }
    const range = document.createRange()
    range.selectNodeContents(el)
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0)
    // A second line starts at or below the first line's bottom.
    if (rects.some((r) => r.top >= rects[0].bottom - 1)) {
      broken.push(describe(el))
    }
    const box = el.getBoundingClientRect()
    if (rects.some((r) => r.right > box.right + 1 || r.left < box.left - 1)) {
      spilled.push(describe(el))
    }
  }
  return {
    page_overflow: root.scrollWidth > window.innerWidth ? { scroll_width: root.scrollWidth, inner_width: window.innerWidth } : null,
    hidden_overflow: hidden,
    clipped_badges: badges,
    broken_values: broken,
    spilled_values: spilled,
  }
}

export async function measureLayout(page: Page): Promise<Omit<LayoutProblems, "axe_violations">> {
  return page.evaluate(measureInPage)
}

/**
 * Checks a portal page at every width of LAYOUT_WIDTHS (no sideways scrolling, no content hidden
 * in a sideways-scrolling box, every status badge whole, numbers and dates on one line, no serious or
 * critical axe-core violation), then captures it at phone and desktop
 * width as `portal-<name>-phone.png` and `portal-<name>-desktop.png` in `dir`. The portal scrolls
 * the document, so a full-page screenshot shows everything. The page is left at desktop width.
 * Returns the problems found per width, all empty when the page is fine.
 */
export function portalPageChecker(dir: string) {
  fs.mkdirSync(dir, { recursive: true })
  return async (page: Page, name: string) => {
    const problems: Record<string, LayoutProblems> = {}
    for (const width of LAYOUT_WIDTHS) {
      await page.setViewportSize({ width, height: 800 })
      await page.waitForTimeout(50)
      problems[width] = { ...(await measureLayout(page)), axe_violations: await axeViolations(page) }
    }
    for (const [label, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size)
      await page.waitForTimeout(100)
      await page.screenshot({ path: path.join(dir, `portal-${name}-${label}.png`), fullPage: true, animations: "disabled" })
    }
    return problems
  }
}

/** The value a page checker returns for a page without layout problems. */
export const NO_LAYOUT_PROBLEMS: Record<string, LayoutProblems> = Object.fromEntries(
  LAYOUT_WIDTHS.map((width) => [width, { page_overflow: null, hidden_overflow: [], clipped_badges: [], broken_values: [], spilled_values: [], axe_violations: [] }])
)

/**
 * A stand-in for https://js.stripe.com/v3/ served to the browser only (the server side talks to
 * the fake Stripe API as it would to Stripe). `window.Stripe(key)` records the publishable key,
 * `elements({ clientSecret })` the client secret, and mounting the Payment Element puts a marker
 * element carrying both into the container pay.js gives it.
 */
export const STRIPE_JS_STUB = `
(function () {
  window.__stripeStub = { publishableKey: null, clientSecret: null, mounted: false };
  window.Stripe = function (publishableKey) {
    window.__stripeStub.publishableKey = publishableKey;
    return {
      elements: function (options) {
        window.__stripeStub.clientSecret = options && options.clientSecret;
        return {
          create: function (type) {
            return {
              mount: function (container) {
                var marker = document.createElement("div");
                marker.setAttribute("data-testid", "stub-payment-element");
                marker.setAttribute("data-type", type);
                marker.setAttribute("data-client-secret", window.__stripeStub.clientSecret || "");
                marker.setAttribute("data-publishable-key", publishableKey || "");
                marker.textContent = "Stripe Payment Element (test stub)";
                marker.style.cssText = "padding:16px;border:1px dashed #888;border-radius:6px;margin:8px 0";
                container.appendChild(marker);
                window.__stripeStub.mounted = true;
              },
            };
          },
        };
      },
      confirmPayment: function () {
        return Promise.resolve({ error: { message: "Stubbed Stripe.js: no payment is made in this test." } });
      },
    };
  };
})();
`
