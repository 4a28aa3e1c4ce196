import { extractText, getDocumentProxy, getMeta } from "unpdf"

/**
 * Text and metadata of a PDF, read back with pdf.js (through unpdf). unpdf loads pdf.js as an
 * ES module, which jest allows only under `node --experimental-vm-modules`: scripts/test.js
 * always passes it, so run these tests with `npm test`, not a bare `npx jest`.
 */
export async function readPdf(buffer: Buffer) {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>
  try {
    pdf = await getDocumentProxy(new Uint8Array(buffer))
  } catch (e) {
    if (/vm-modules|dynamic import/i.test(String((e as Error).message))) {
      throw new Error(`pdf.js needs node --experimental-vm-modules: run \`npm test -- pdf\`. (${(e as Error).message})`)
    }
    throw e
  }
  const { totalPages, text } = await extractText(pdf, { mergePages: false })
  const { info } = await getMeta(pdf)
  return { pages: totalPages, pageTexts: text, text: text.join("\n"), info: info as Record<string, unknown> }
}
