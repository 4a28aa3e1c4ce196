#!/usr/bin/env node
// One load generator: runs autocannon in its own process (never the server's) with the scenario
// read as JSON from stdin, and prints the result as one JSON line. The first `warmup` seconds are
// discarded: the same connections then go on into the measured `duration` (a separate warm-up
// run would leave the measured part to start on 32 new connections, behind the warm-up's
// abandoned requests: every measured run's first second then had a 400–700 ms response).
// `paths` (optional) gives each request its own path, in order (the approve scenario: a
// different pending estimate per request).
const autocannon = require("autocannon")
const { percentile } = require("../stats")

let config

function run(duration, cursor, onResponse) {
  const options = {
    url: config.url,
    connections: config.connections,
    duration,
    method: config.method || "GET",
    headers: config.headers || {},
    body: config.body,
    timeout: config.timeout || 30,
  }
  if (config.paths) {
    options.requests = [
      {
        method: options.method,
        setupRequest: (req) => {
          req.path = config.paths[cursor.next++ % config.paths.length]
          return req
        },
      },
    ]
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)))
    instance.on("response", onResponse)
    process.once("SIGTERM", () => instance.stop())
  })
}

async function readStdin() {
  let text = ""
  for await (const chunk of process.stdin) text += chunk
  return JSON.parse(text)
}

async function main() {
  config = await readStdin()
  const cursor = { next: 0 }
  const warmupMs = Math.max(0, config.warmup || 0) * 1000
  const started = Date.now()
  const measuredFrom = started + warmupMs
  const measuredTo = measuredFrom + config.duration * 1000
  // Latency of the requests sent after the warm-up; throughput of the responses within the measured part.
  const latencies = []
  const statusCodes = {}
  let completed = 0
  let non2xx3xx = 0
  const onResponse = (client, statusCode, bytes, responseTime) => {
    const now = Date.now()
    // Every answer counts here, the warm-up's too: the zero-errors target allows none.
    statusCodes[statusCode] = (statusCodes[statusCode] || 0) + 1
    if (statusCode >= 400) non2xx3xx++
    if (now >= measuredFrom && now <= measuredTo) completed++
    if (now - responseTime >= measuredFrom) latencies.push(Math.round(responseTime * 10) / 10)
  }
  // Tells the parent the measured part starts now (it reads the server's CPU time here).
  const measuring = setTimeout(() => process.stdout.write("measuring\n"), warmupMs)
  const result = await run(config.warmup + config.duration, cursor, onResponse)
  clearTimeout(measuring)
  latencies.sort((a, b) => a - b)
  const n = latencies.length
  process.stdout.write(
    JSON.stringify({
      requests: completed,
      rps: completed / config.duration,
      // No response within the duration: no latency to report.
      p50: n ? percentile(latencies, 50) : null,
      p99: n ? percentile(latencies, 99) : null,
      max: n ? latencies[n - 1] : null,
      latencies,
      non2xx3xx,
      // Socket errors and timeouts of the whole run, warm-up included: none is acceptable.
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      pathsUsed: config.paths ? cursor.next : undefined,
    }) + "\n"
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
