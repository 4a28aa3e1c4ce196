#!/usr/bin/env node
// One load generator: runs autocannon in its own process (never the server's) with the scenario
// read as JSON from stdin, and prints the result as one JSON line. A warm-up of `warmup` seconds
// runs first and is discarded. `paths` (optional) gives each request its own path, in order (the
// approve scenario: a different pending estimate per request).
const autocannon = require("autocannon")

let config

function run(duration, cursor) {
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
  if (config.warmup > 0) await run(config.warmup, cursor)
  // Tells the parent the measured part starts now (it reads the server's CPU time here).
  process.stdout.write("measuring\n")
  const result = await run(config.duration, cursor)
  const statusCodes = result.statusCodeStats || {}
  process.stdout.write(
    JSON.stringify({
      requests: result.requests.total,
      rps: result.requests.average,
      // No response within the duration: no latency to report (autocannon would say 0 ms).
      p50: result.requests.total ? result.latency.p50 : null,
      p99: result.requests.total ? result.latency.p99 : null,
      max: result.requests.total ? result.latency.max : null,
      non2xx3xx: result["4xx"] + result["5xx"],
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes: Object.fromEntries(Object.entries(statusCodes).map(([code, s]) => [code, s.count])),
      pathsUsed: config.paths ? cursor.next : undefined,
    }) + "\n"
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
