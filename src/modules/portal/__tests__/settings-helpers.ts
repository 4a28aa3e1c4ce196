import type PortalModuleService from "../service"

type Internals = { __container__: Record<string, any> }

/** The module's own container (repository, manager), as the service sees it. */
export const moduleContainer = (service: PortalModuleService) => (service as unknown as Internals).__container__

/** Records every SQL statement the module sends while `work` runs. */
export async function sqlDuring(service: PortalModuleService, work: () => Promise<unknown>) {
  const knex = moduleContainer(service).manager.getKnex()
  const statements: string[] = []
  const listener = (query: { sql: string }) => statements.push(query.sql)
  knex.on("query", listener)
  try {
    await work()
  } finally {
    knex.removeListener("query", listener)
  }
  return statements
}

/**
 * Stands in for Medusa's Caching Module with a shared provider (Redis): one store for every
 * "server", and values go through JSON as they would over the wire (Dates come back as text).
 */
export function sharedCache() {
  const store = new Map<string, string>()
  const state = { down: false }
  const reachable = () => {
    if (state.down) {
      throw new Error("connect ECONNREFUSED (cache down)")
    }
  }
  return {
    store,
    state,
    async get({ key }: { key: string }) {
      reachable()
      const value = store.get(key)
      return value === undefined ? null : JSON.parse(value)
    },
    async set({ key, data }: { key: string; data: unknown }) {
      reachable()
      store.set(key, JSON.stringify(data))
    },
    async clear({ key }: { key: string }) {
      reachable()
      store.delete(key)
    },
  }
}
