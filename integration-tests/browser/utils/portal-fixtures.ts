import fs from "fs"
import path from "path"
import type { Page } from "playwright-core"

/** A phone and a desktop viewport: every portal page is captured at both widths. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const

/**
 * Screenshots of a portal page at phone and desktop width, as `portal-<name>-phone.png` and
 * `portal-<name>-desktop.png` in `dir`. The portal scrolls the document, so a full-page
 * screenshot shows everything. The page is left at desktop width.
 */
export function portalScreenshotter(dir: string) {
  fs.mkdirSync(dir, { recursive: true })
  return async (page: Page, name: string) => {
    for (const [label, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size)
      await page.waitForTimeout(100)
      await page.screenshot({ path: path.join(dir, `portal-${name}-${label}.png`), fullPage: true, animations: "disabled" })
    }
  }
}

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
