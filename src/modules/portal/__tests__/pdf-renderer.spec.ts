import path from "path"
import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { PORTAL_MODULE } from ".."
import type { PdfInvoiceData } from "../../../lib/pdf"
import { isPdfRendererBusy } from "../../../lib/pdf"
import { readPdf } from "../../../lib/pdf/__tests__/extract-text"
import PortalModuleService from "../service"
import * as models from "../models"

// The first render starts a worker thread (ts-node compiles it from source in tests).
jest.setTimeout(60_000)

const invoice = (number: string): PdfInvoiceData => ({
  kind: "invoice",
  number,
  status_label: "Unpaid",
  issue_date: "2026-01-05",
  currency_code: "usd",
  customer: { name: "Jane Doe" },
  lines: [{ title: "Gutter cleaning", quantity: 3, unit_price: 19.99, total: 59.97 }],
  subtotal: 59.97,
  tax_total: 0,
  total: 59.97,
})

moduleIntegrationTestRunner<PortalModuleService>({
  moduleName: PORTAL_MODULE,
  resolve: path.join(__dirname, ".."),
  moduleModels: Object.values(models),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: { pdf: { threads: 1, maxQueue: 1 } },
  testSuite: ({ service }) => {
    it("renders PDFs in its pool, as configured by the pdf option, and ends the threads on application shutdown", async () => {
      const settings = await service.retrieveSettings()
      const renders = ["INV-0001", "INV-0002", "INV-0003"].map((n) => service.renderDocumentPdf(invoice(n), settings))
      const [first, second, third] = await Promise.allSettled(renders)
      // One thread and one waiting place: the third is refused.
      expect(third.status).toBe("rejected")
      expect(isPdfRendererBusy((third as PromiseRejectedResult).reason)).toBe(true)
      expect((await readPdf((first as PromiseFulfilledResult<Buffer>).value)).text).toContain("Invoice INV-0001")
      expect((await readPdf((second as PromiseFulfilledResult<Buffer>).value)).text).toContain("Invoice INV-0002")

      // What Medusa calls when the app shuts down.
      await (service as unknown as { __hooks: { onApplicationShutdown(): Promise<void> } }).__hooks.onApplicationShutdown()
      await expect(service.renderDocumentPdf(invoice("INV-0004"), settings)).rejects.toThrow(/shut down/)
    })

    it("refuses a malformed pdf option when the module starts", () => {
      expect(() => new PortalModuleService({}, { pdf: { threads: 0 } })).toThrow(MedusaError)
      expect(() => new PortalModuleService({}, { pdf: { threads: 0 } })).toThrow(/The portal option pdf is invalid/)
    })
  },
})
