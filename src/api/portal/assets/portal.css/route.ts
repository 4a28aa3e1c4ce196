import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import fs from "fs"
import path from "path"
import { PAGES_DIR } from "../../../../lib/pages/render"

const css = fs.readFileSync(path.join(PAGES_DIR, "portal.css"), "utf8")

/** The portal's one stylesheet, served from this origin (the CSP allows nothing else). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("Cache-Control", "public, max-age=3600")
  res.type("text/css").send(css)
}
