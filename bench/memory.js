// 5. Memory of this process after every benchmark ran and the module shut down (no forced GC).
function memoryReport() {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const m = process.memoryUsage()
  return [
    `rss ${mb(m.rss)}, heapUsed ${mb(m.heapUsed)}, heapTotal ${mb(m.heapTotal)}, external ${mb(m.external)}`,
  ]
}

module.exports = { memoryReport }
