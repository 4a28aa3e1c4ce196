import fs from "fs"
import path from "path"

/**
 * No import cycle between source files: a cycle makes load order decide whether a value is
 * defined. Data-model relations are the one accepted pattern (Medusa's DML resolves
 * `() => Model` lazily, as its own modules do).
 */
const SRC = path.resolve(__dirname, "..")
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+["'](\.[^"']+)["']/gm

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : sourceFiles(full)
    }
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : []
  })
}

function resolveImport(from: string, spec: string) {
  const base = path.resolve(path.dirname(from), spec)
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((f) => fs.existsSync(f))
}

function findCycles(files: string[]) {
  const graph = new Map(
    files.map((file) => [
      file,
      [...fs.readFileSync(file, "utf8").matchAll(IMPORT)].map((m) => resolveImport(file, m[1])).filter(Boolean) as string[],
    ])
  )
  const cycles: string[] = []
  const done = new Set<string>()
  const stack: string[] = []
  const visit = (file: string) => {
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      const at = stack.indexOf(next)
      if (at >= 0) {
        cycles.push([...stack.slice(at), next].map((f) => path.relative(SRC, f)).join(" → "))
      } else if (!done.has(next)) {
        visit(next)
      }
    }
    stack.pop()
    done.add(file)
  }
  files.forEach((file) => done.has(file) || visit(file))
  return cycles
}

describe("source imports", () => {
  it("have no cycle outside data-model relations", () => {
    const cycles = findCycles(sourceFiles(SRC)).filter((cycle) => !cycle.split(" → ").every((f) => f.startsWith("modules/portal/models/")))
    expect(cycles).toEqual([])
  })

  it("detects a cycle (the check itself works)", () => {
    const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "cycles-"))
    fs.writeFileSync(path.join(dir, "a.ts"), 'import { b } from "./b"\nexport const a = b')
    fs.writeFileSync(path.join(dir, "b.ts"), 'import { a } from "./a"\nexport const b = a')
    expect(findCycles([path.join(dir, "a.ts"), path.join(dir, "b.ts")])).toHaveLength(1)
  })
})
