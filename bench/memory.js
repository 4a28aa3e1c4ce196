// 5. Memory of this process after every benchmark ran and the module shut down (no forced GC).
function memoryReport() {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const m = process.memoryUsage()
  return [
    `rss ${mb(m.rss)}, heapUsed ${mb(m.heapUsed)}, heapTotal ${mb(m.heapTotal)}, external ${mb(m.external)}`,
  ]
}

/** Each process's children, from /proc. */
function childrenByParent() {
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
  return children
}

/** Resident memory (VmRSS, MB) of a process and its descendants, from /proc. */
function treeRssMb(pid) {
  const fs = require("fs")
  const children = childrenByParent()
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

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100

/**
 * CPU time (ms, user + system, every thread) a process and its descendants have used so far,
 * from /proc; 0 where /proc is missing. The difference of two readings is the CPU a scenario cost,
 * which a busy neighbour slows down but does not inflate, unlike a latency.
 */
function treeCpuMs(pid) {
  const fs = require("fs")
  if (!fs.existsSync("/proc")) return 0
  const children = childrenByParent()
  let ticks = 0
  const visit = (p) => {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8")
      // Fields after the command name: state is the 3rd field, utime the 14th and stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited meanwhile
    }
    for (const c of children.get(p) || []) visit(c)
  }
  visit(pid)
  return (ticks * 1000) / TICKS_PER_SECOND
}

module.exports = { memoryReport, treeRssMb, treeCpuMs }
