// 2. Display numbers through PortalModuleService.allocateDisplayNumber("invoice"): one
// transaction per call that upserts the counter row, so concurrent callers queue on its lock.
const { measureConcurrent, measureSequential } = require("./stats")

const SEQUENTIAL = 300
const CONCURRENT_TOTAL = 600
const CONCURRENCY = 20

/** INV-0042 → 42; the prefix comes from the settings row (default "INV-"). */
const numberOf = (display) => Number(String(display).match(/(\d+)$/)[1])

async function benchNumbering(service) {
  const numbers = []
  const sequential = await measureSequential(
    "allocateDisplayNumber sequential",
    async () => numbers.push(await service.allocateDisplayNumber("invoice")),
    { iterations: SEQUENTIAL, warmup: 0 }
  )
  const { row: concurrent, results } = await measureConcurrent(
    `allocateDisplayNumber ${CONCURRENCY}-way concurrent`,
    () => service.allocateDisplayNumber("invoice"),
    { total: CONCURRENT_TOTAL, concurrency: CONCURRENCY }
  )
  numbers.push(...results)

  // Every call committed, so the numbers must be exactly 1..N with no duplicate and no gap.
  const distinct = new Set(numbers).size
  const values = numbers.map(numberOf).sort((a, b) => a - b)
  const contiguous = values.every((v, i) => v === i + 1)
  const ok = distinct === numbers.length && contiguous
  return {
    rows: [sequential, concurrent],
    notes: [
      `distinct numbers: ${distinct}/${numbers.length}, contiguous 1..${numbers.length}: ${contiguous ? "yes" : "NO"} ` +
        `(first ${numbers[0]}, highest #${values[values.length - 1]}) → ${ok ? "OK" : "FAILED"}`,
    ],
    ok,
  }
}

module.exports = { benchNumbering }
