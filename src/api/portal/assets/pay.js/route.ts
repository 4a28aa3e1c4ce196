import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import fs from "fs"
import path from "path"
import { PAGES_DIR } from "../../../../lib/pages/render"

const script = fs.readFileSync(path.join(PAGES_DIR, "pay.js"), "utf8")

/** The pay page's one script, from this origin. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.setHeader("Cache-Control", "public, max-age=3600")
  res.type("application/javascript").send(script)
}
