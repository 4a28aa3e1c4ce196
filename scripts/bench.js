#!/usr/bin/env node
// `npm run bench`: the HTTP benchmark of a production build (bench/http/, writes
// bench/RESULTS.md). `npm run bench -- --part micro` runs the Portal module's micro-benchmarks;
// `--part all` runs both. `--scale small` (or BENCH_SCALE=small) seeds a small database for
// development; the default is the full scale. Whatever happens (failure, Ctrl-C), the
// server, the load generators and the databases are stopped and the temporary build removed.
process.env.MEDUSA_DISABLE_TELEMETRY = "true"
process.env.LOG_LEVEL = process.env.LOG_LEVEL || "error"

function parseArgs(argv) {
  const args = { part: "http", scale: process.env.BENCH_SCALE || "full" }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=")
    const value = () => inline ?? argv[++i]
    if (flag === "--part") args.part = value()
    else if (flag === "--scale") args.scale = value()
    else if (flag === "--help" || flag === "-h") args.help = true
    else throw new Error(`Unknown argument ${argv[i]} (try --help)`)
  }
  if (!["http", "micro", "all"].includes(args.part)) throw new Error(`--part is http, micro or all, not ${args.part}`)
  if (!["full", "small"].includes(args.scale)) throw new Error(`--scale is full or small, not ${args.scale}`)
  return args
}

const HELP = `npm run bench [-- --part http|micro|all] [--scale full|small]
  http (default)  production build + seeded PostgreSQL + autocannon; writes bench/RESULTS.md
  micro           the Portal module's micro-benchmarks
Environment: BENCH_CONNECTIONS (32), BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_ROUNDS (5), BENCH_CUSTOMERS,
BENCH_INVOICES (largest scale-curve step), BENCH_ESTIMATES, BENCH_PAIR_ESTIMATES, BENCH_SCALE; BENCH_SCENARIOS (regex),
BENCH_CPU_PROFILE (dir), BENCH_HOLD (keep the server and database up until Ctrl-C; with BENCH_SCENARIOS).`

// Cleanups run last-registered first, once, on every exit path.
const cleanups = []
let cleaning = null
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((e) => console.error("[bench] cleanup failed:", e.message))
    }
  })())
const onCleanup = (fn) => cleanups.push(fn)

let interrupted = null
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, async () => {
    interrupted = signal
    console.error(`\n[bench] ${signal}: stopping the server and the databases`)
    await cleanup()
    process.exit(130)
  })
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.help) {
    console.log(HELP)
    return true
  }
  let ok = true
  try {
    if (args.part === "micro" || args.part === "all") {
      ok = (await require("../bench/micro").runMicroBenchmarks({ onCleanup })) && ok
    }
    if (args.part === "http" || args.part === "all") {
      await cleanup()
      cleanups.length = 0
      cleaning = null
      ok = (await require("../bench/http").runHttpBenchmark({ onCleanup, scale: args.scale, argv: process.argv.slice(2) })) && ok
    }
  } finally {
    await cleanup()
  }
  return ok
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  async (e) => {
    // After a signal the running step fails because the database is gone; that is no news.
    if (interrupted) return
    console.error("[bench] failed:", e)
    await cleanup()
    process.exit(1)
  }
)
