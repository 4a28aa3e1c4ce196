import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { waitWorkflowExecutions } from "@medusajs/test-utils/dist/medusa-test-runner-utils/wait-workflow-executions"
import { EventEmitter } from "events"

/**
 * Knowing when the app has finished the work a test started.
 *
 * Medusa's local event bus hands an event to its subscribers with a plain Node `EventEmitter`:
 * `emit()` calls each listener and drops the promise it returns, so nothing tells when a
 * subscriber (and the workflows it runs) is done. A test that returns while one is still running
 * lets it carry on into the next test's database restore (the runner drops and recreates the
 * database in `beforeEach`): that is where "Connection ended unexpectedly", "Notification … not
 * found" and half-sent emails came from.
 *
 * `trackEventBus` wraps that emitter's `emit` so every promise a listener returns is kept until it
 * settles; it also remembers events emitted with a `delay` (the bus only hands those over after a
 * timer). `drainEventBus` then waits until no event is on its way, no subscriber is running and
 * the workflow engine has no execution in flight, and repeats until all three hold at once
 * (a subscriber may emit further events or start a workflow that emits).
 */

type Tracker = {
  emitter: EventEmitter
  pending: Set<Promise<unknown>>
  /** Time (ms since epoch) before which a delayed event may still be handed to subscribers. */
  delayedUntil: number
  restore: () => void
}

const trackers = new WeakMap<object, Tracker>()

const eventBusOf = (container: MedusaContainer) =>
  container.resolve(Modules.EVENT_BUS, { allowUnregistered: true }) as
    | (Record<string, any> & { eventEmitter_?: EventEmitter })
    | undefined

/** Installs the tracking on the container's local event bus (idempotent); returns false without one. */
export function trackEventBus(container: MedusaContainer): boolean {
  const bus = eventBusOf(container)
  const emitter = bus?.eventEmitter_
  if (!bus || !(emitter instanceof EventEmitter)) {
    return false
  }
  if (trackers.has(emitter)) {
    return true
  }

  const tracker: Tracker = { emitter, pending: new Set(), delayedUntil: 0, restore: () => undefined }
  const originalEmit = emitter.emit
  const originalBusEmit = bus.emit
  const originalRelease = bus.releaseGroupedEvents

  // Same contract as EventEmitter#emit (listeners called synchronously, in order, `this` the
  // emitter, true when there was one), but the promises they return are kept.
  emitter.emit = function trackedEmit(this: EventEmitter, name: string | symbol, ...args: unknown[]) {
    if (name === "error" || name === "newListener" || name === "removeListener") {
      return originalEmit.call(this, name, ...args)
    }
    // rawListeners: a `once` wrapper removes itself and returns the listener's result.
    const listeners = this.rawListeners(name) as ((...a: unknown[]) => unknown)[]
    for (const listener of listeners) {
      const result = listener.apply(this, args)
      if (result && typeof (result as Promise<unknown>).then === "function") {
        const settled: Promise<unknown> = Promise.resolve(result)
          .catch(() => undefined)
          .finally(() => tracker.pending.delete(settled))
        tracker.pending.add(settled)
      }
    }
    return listeners.length > 0
  } as typeof emitter.emit

  const noteDelay = (ms: unknown) => {
    const delay = Number(ms) || 0
    if (delay > 0) {
      tracker.delayedUntil = Math.max(tracker.delayedUntil, Date.now() + delay)
    }
  }
  if (typeof originalBusEmit === "function") {
    bus.emit = function (this: unknown, data: unknown, options?: { delay?: number }) {
      noteDelay(options?.delay)
      return originalBusEmit.call(this, data, options)
    }
  }
  if (typeof originalRelease === "function") {
    bus.releaseGroupedEvents = function (this: any, groupId: string) {
      for (const event of (bus.groupedEventsMap_?.get(groupId) ?? []) as { options?: { delay?: number } }[]) {
        noteDelay(event.options?.delay)
      }
      return originalRelease.call(this, groupId)
    }
  }

  tracker.restore = () => {
    emitter.emit = originalEmit
    bus.emit = originalBusEmit
    bus.releaseGroupedEvents = originalRelease
    trackers.delete(emitter)
  }
  trackers.set(emitter, tracker)
  return true
}

/** Removes what `trackEventBus` installed. */
export function untrackEventBus(container: MedusaContainer) {
  const emitter = eventBusOf(container)?.eventEmitter_
  if (emitter) {
    trackers.get(emitter)?.restore()
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Waits until the app is idle: no event on its way to subscribers, no subscriber running, no
 * workflow execution in flight. Rejects after `timeoutMs` naming what is still busy.
 */
export async function drainEventBus(container: MedusaContainer, { timeoutMs = 30_000 } = {}) {
  const emitter = eventBusOf(container)?.eventEmitter_
  const tracker = emitter ? trackers.get(emitter) : undefined
  const deadline = Date.now() + timeoutMs

  for (;;) {
    // The bus hands an event over one promise turn after `emit()` resolves (or after its delay).
    await nextTurn()
    const wait = tracker ? tracker.delayedUntil - Date.now() : 0
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait + 20))
      continue
    }
    if (tracker?.pending.size) {
      if (Date.now() > deadline) {
        throw new Error(`drainEventBus: ${tracker.pending.size} subscriber(s) still running after ${timeoutMs} ms`)
      }
      await Promise.race([
        Promise.all([...tracker.pending]),
        new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()) + 1)),
      ])
      continue
    }
    await waitWorkflowExecutions(container)
    await nextTurn()
    if (!tracker?.pending.size && !(tracker && tracker.delayedUntil > Date.now())) {
      return
    }
  }
}

/**
 * Closes the app's idle database connections. The runner restores the database before each test by
 * terminating every connection to it; an idle pooled connection killed that way makes knex log
 * "Connection Error: Connection ended unexpectedly" in the middle of the next test, noise that
 * buried the real errors. Call it once the app is idle (after `drainEventBus`): the pool opens new
 * connections on demand.
 */
export async function releaseIdleConnections(container: MedusaContainer) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }) as any
  const pool = knex?.client?.pool
  if (!pool || typeof pool.check !== "function" || !Array.isArray(pool.pendingDestroys)) {
    return
  }
  // A connection the app is still opening (a late query from the last test) would be killed by the
  // restore too: wait for it to be handed out and returned, then close it, until the pool is empty.
  for (let round = 0; round < 50; round++) {
    const settling = [...pool.pendingCreates, ...pool.pendingAcquires].map((p: { promise: Promise<unknown> }) =>
      p.promise.catch(() => undefined)
    )
    await Promise.all(settling)
    if (pool.numUsed() > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      continue
    }
    const { min, idleTimeoutMillis } = pool
    pool.min = 0
    pool.idleTimeoutMillis = 0
    try {
      pool.check() // tarn's reaper: destroys the free connections idle for ≥ idleTimeoutMillis
    } finally {
      pool.min = min
      pool.idleTimeoutMillis = idleTimeoutMillis
    }
    await Promise.all(pool.pendingDestroys.map((destroy: { promise: Promise<unknown> }) => destroy.promise.catch(() => undefined)))
    await nextTurn()
    if (pool.numFree() + pool.numUsed() + pool.numPendingCreates() + pool.numPendingAcquires() === 0) {
      return
    }
  }
}
