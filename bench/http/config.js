// Scale and load settings of the HTTP benchmark. `full` is the scale; `small` is for
// developing the harness. Every figure can be overridden from the environment.
const SCALES = {
  full: { customers: 100_000, levels: [1_000, 100_000, 1_000_000], estimates: 300_000, pairEstimates: 8_000 },
  small: { customers: 2_000, levels: [1_000, 10_000, 30_000], estimates: 12_000, pairEstimates: 6_000 },
}

const num = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback)

function benchConfig(scale) {
  const s = SCALES[scale]
  const invoices = num("BENCH_INVOICES", s.levels[s.levels.length - 1])
  const levels = [...new Set([...s.levels.filter((l) => l < invoices), invoices])]
  const config = {
    scale,
    customers: num("BENCH_CUSTOMERS", s.customers),
    levels,
    invoices,
    estimates: num("BENCH_ESTIMATES", s.estimates),
    /** The bench customer: 5 000 invoices (the newest of the final step), one of them with 50 lines. */
    benchInvoices: 5_000,
    /** Pending estimates of the bench customer, one per approve request (warm-up included). */
    pendingEstimates: num("BENCH_PENDING_ESTIMATES", 4_000),
    /** Pending estimates of the pair customer, one per approve request on the server + worker. */
    pairEstimates: num("BENCH_PAIR_ESTIMATES", s.pairEstimates),
    /** The scale-curve customer: the same 500 invoices at every step, so only the table grows. */
    curveInvoices: 500,
    connections: num("BENCH_CONNECTIONS", 32),
    duration: num("BENCH_DURATION", 10),
    warmup: num("BENCH_WARMUP", 2),
    /**
     * Each scenario runs this many times, in turn with the others; the table gives median req/s and
     * the p50/p99 of all the rounds' requests. Five: the server's major GC (every 26–30 s under
     * this load) holds the 30–50 requests in flight; over 50 s a scenario usually gets two, under
     * 1 % of its ~10 000 requests, where over 30 s one pause more or less moved a p99 by 60 ms.
     */
    rounds: num("BENCH_ROUNDS", 5),
    pdfConnections: 8,
  }
  if (levels[0] < config.curveInvoices || invoices - config.benchInvoices < levels[levels.length - 2]) {
    throw new Error(`BENCH_INVOICES=${invoices} is too small for the scale steps ${levels.join(", ")}`)
  }
  if (config.estimates <= config.pendingEstimates + config.pairEstimates) {
    throw new Error(
      `BENCH_ESTIMATES must exceed the ${config.pendingEstimates} + ${config.pairEstimates} pending estimates of the bench and pair customers`
    )
  }
  return config
}

module.exports = { benchConfig }
