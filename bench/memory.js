// 5. Memory of this process after every benchmark ran and the module shut down (no forced GC).
function memoryReport() {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const m = process.memoryUsage()
  return [
    `rss ${mb(m.rss)}, heapUsed ${mb(m.heapUsed)}, heapTotal ${mb(m.heapTotal)}, external ${mb(m.external)}`,
  ]
}

/** Resident memory (VmRSS, MB) of a process and its descendants, from /proc. */
function treeRssMb(pid) {
  const fs = require("fs")
  const children = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      if (!children.has(ppid)) children.set(ppid, [])
      children.get(ppid).push(Number(entry))
    } catch {
      // exited meanwhile
    }
  }
  let kb = 0
  const visit = (p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))
      if (m) kb += Number(m[1])
    } catch {
      // exited meanwhile
    }
    for (const c of children.get(p) || []) visit(c)
  }
  visit(pid)
  return Math.round(kb / 1024)
}

module.exports = { memoryReport, treeRssMb }
