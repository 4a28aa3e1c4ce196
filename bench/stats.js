// Timing helpers shared by the benchmarks: latency samples in milliseconds, nearest-rank
// percentiles, and bounded loops (a fixed count, optionally cut short by a time budget).
const { performance } = require("perf_hooks")

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (!sorted.length) {
    return NaN
  }
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** One table row from per-operation latencies and the wall time of the whole run. */
function summarize(name, latenciesMs, wallMs) {
  const sorted = Float64Array.from(latenciesMs).sort()
  return {
    name,
    n: sorted.length,
    opsPerSec: sorted.length / (wallMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  }
}

/**
 * Runs `fn` sequentially `warmup` times untimed (JIT, connection pool, plan cache), then up to
 * `iterations` times timed, stopping early once `budgetMs` is spent so the whole run stays short.
 */
async function measureSequential(name, fn, { iterations, warmup = 0, budgetMs = Infinity }) {
  for (let i = 0; i < warmup; i++) {
    await fn(i)
  }
  const latencies = []
  const start = performance.now()
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now()
    await fn(i)
    latencies.push(performance.now() - t0)
    if (performance.now() - start > budgetMs) {
      break
    }
  }
  return summarize(name, latencies, performance.now() - start)
}

/**
 * Synchronous variant: no await per iteration, which would dominate sub-millisecond work. It
 * yields to the event loop between chunks (not timed) so Ctrl-C can stop the database promptly.
 */
async function measureSync(name, fn, { iterations, warmup = 0, chunk = 500 }) {
  for (let i = 0; i < warmup; i++) {
    fn(i)
  }
  const latencies = new Float64Array(iterations)
  let wallMs = 0
  for (let from = 0; from < iterations; from += chunk) {
    const start = performance.now()
    for (let i = from; i < Math.min(iterations, from + chunk); i++) {
      const t0 = performance.now()
      fn(i)
      latencies[i] = performance.now() - t0
    }
    wallMs += performance.now() - start
    await new Promise((resolve) => setImmediate(resolve))
  }
  return summarize(name, latencies, wallMs)
}

/** `total` calls of `fn` spread over `concurrency` workers that each await their previous call. */
async function measureConcurrent(name, fn, { total, concurrency }) {
  const latencies = []
  const results = []
  let next = 0
  const worker = async () => {
    while (next < total) {
      const i = next++
      const t0 = performance.now()
      results[i] = await fn(i)
      latencies.push(performance.now() - t0)
    }
  }
  const start = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  return { row: summarize(name, latencies, performance.now() - start), results }
}

module.exports = { percentile, summarize, measureSequential, measureSync, measureConcurrent }
