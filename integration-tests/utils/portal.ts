import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { PORTAL_MODULE } from "../../src/modules/portal"
import type PortalModuleService from "../../src/modules/portal/service"
import type { ModuleCreateEstimate, ModuleCreateInvoice } from "../../src/types/module"

export const portalService = (container: MedusaContainer) => container.resolve<PortalModuleService>(PORTAL_MODULE)

/** 3 × 19.99: exactly 59.97, the classic floating-point trap. */
export const hoursLine = () => ({ title: "Boiler service", quantity: 3, unit_price: 19.99 })

/** A request body for POST /admin/invoices. */
export const invoiceBody = (customerId: string, overrides: Record<string, unknown> = {}) => ({
  customer_id: customerId,
  currency_code: "eur",
  lines: [hoursLine()],
  ...overrides,
})

/** A request body for POST /admin/estimates. */
export const estimateBody = invoiceBody

// ── Seeding through the module ────────────────────────────────────────────────
// Documents a test needs as a starting point are written with the Portal module, not with the
// routes under test, so that a broken create route fails its own tests only. States other than
// draft are set with the generated update methods, which do not depend on any workflow.

let seedNumber = 0
const nextSeedNumber = (prefix: string) => `${prefix}${String(++seedNumber).padStart(4, "0")}`

type SeedInvoice = Partial<ModuleCreateInvoice> & { display_number?: string }

export async function seedDraftInvoice(container: MedusaContainer, customerId: string, input: SeedInvoice = {}) {
  const { display_number: _ignored, ...rest } = input
  return portalService(container).createDraftInvoice({
    customer_id: customerId,
    currency_code: "eur",
    lines: [hoursLine()],
    ...rest,
  })
}

export async function seedInvoice(
  container: MedusaContainer,
  customerId: string,
  status: "draft" | "sent" | "paid" | "void",
  input: SeedInvoice = {}
) {
  const portal = portalService(container)
  const draft = await seedDraftInvoice(container, customerId, input)
  if (status === "draft") {
    return draft
  }
  const sentAt = new Date()
  await portal.updatePortalInvoices({
    id: draft.id,
    status: "sent",
    display_number: input.display_number ?? nextSeedNumber("SEED-"),
    sent_at: sentAt,
  })
  if (status === "paid") {
    await portal.createPortalInvoicePayments({
      invoice_id: draft.id,
      amount: Number(draft.total),
      method: "cash",
      paid_at: sentAt,
    })
    await portal.updatePortalInvoices({ id: draft.id, status: "paid", amount_paid: Number(draft.total), paid_at: sentAt })
  }
  if (status === "void") {
    await portal.updatePortalInvoices({ id: draft.id, status: "void", voided_at: new Date() })
  }
  return portal.retrievePortalInvoice(draft.id, { relations: ["lines", "payments"] })
}

type SeedEstimate = Partial<ModuleCreateEstimate> & { display_number?: string }

export async function seedEstimate(
  container: MedusaContainer,
  customerId: string,
  status: "draft" | "sent" | "accepted" | "rejected",
  input: SeedEstimate = {}
) {
  const portal = portalService(container)
  const { display_number, ...rest } = input
  const draft = await portal.createDraftEstimate({
    customer_id: customerId,
    currency_code: "eur",
    lines: [hoursLine()],
    ...rest,
  })
  if (status === "draft") {
    return draft
  }
  await portal.updatePortalEstimates({
    id: draft.id,
    status: "sent",
    display_number: display_number ?? nextSeedNumber("SEED-E"),
    sent_at: new Date(),
  })
  if (status !== "sent") {
    await portal.updatePortalEstimates({ id: draft.id, status, decided_at: new Date() })
  }
  return portal.retrievePortalEstimate(draft.id, { relations: ["lines"] })
}

// ── Reading back ──────────────────────────────────────────────────────────────

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))

/**
 * Everything the Portal module stores, as plain JSON: compare a snapshot taken before a refused
 * request with one taken after to prove that nothing was written, changed or logged.
 */
export async function portalSnapshot(container: MedusaContainer) {
  const portal = portalService(container)
  // The settings row is created on first read; make sure that is not mistaken for a change.
  const settings = await portal.retrieveSettings()
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const [invoices, invoiceLines, payments, estimates, estimateLines, events, sequences, decisions] = await Promise.all([
    portal.listPortalInvoices({}, { withDeleted: true }),
    portal.listPortalInvoiceLines({}, { withDeleted: true }),
    portal.listPortalInvoicePayments({}, { withDeleted: true }),
    portal.listPortalEstimates({}, { withDeleted: true }),
    portal.listPortalEstimateLines({}, { withDeleted: true }),
    portal.listPortalEvents({}),
    portal.listPortalSequences({}),
    // Decision records have no generated list method (they are append-only): read them directly.
    knex.raw("SELECT * FROM portal_estimate_decision ORDER BY id").then((r: { rows: { id: string }[] }) => r.rows),
  ])
  return JSON.parse(
    JSON.stringify({
      settings,
      invoices: byId(invoices),
      invoiceLines: byId(invoiceLines),
      payments: byId(payments),
      estimates: byId(estimates),
      estimateLines: byId(estimateLines),
      events: byId(events),
      sequences: byId(sequences),
      decisions: byId(decisions),
    })
  )
}

/** Types of the activity-log entries about one document, oldest first. */
export async function activityTypes(container: MedusaContainer, subjectId: string) {
  const events = await portalService(container).listPortalEvents(
    { subject_id: subjectId },
    { order: { created_at: "ASC" } }
  )
  return events.map((e) => e.type)
}

// ── Event bus ─────────────────────────────────────────────────────────────────

type EmittedMessage = { name: string; data: Record<string, unknown> }

/** Spies on the event bus's `emit`; restored by `jest.restoreAllMocks()`. */
export function spyOnEventBus(container: MedusaContainer) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  return jest.spyOn(eventBus, "emit")
}

/** The messages with that name passed to `emit` (one message or an array per call). */
export function emittedMessages(spy: jest.SpyInstance, name: string): EmittedMessage[] {
  return spy.mock.calls
    .flatMap(([messages]) => (Array.isArray(messages) ? messages : [messages]))
    .filter((message: EmittedMessage | undefined) => message?.name === name)
}

// ── Responses ─────────────────────────────────────────────────────────────────

type HttpResponse = { status: number; data: any }

/**
 * Asserts a failed request's status and that its message contains each fragment (strings are
 * matched literally, case-sensitively; pass a RegExp for anything looser). Status and body are
 * compared together so a failure shows both.
 */
export function expectError(response: HttpResponse | undefined, status: number, ...fragments: (string | RegExp)[]) {
  expect(response).toBeDefined()
  expect({ status: response!.status, data: response!.data }).toEqual({
    status,
    data: expect.objectContaining({ type: expect.any(String), message: expect.any(String) }),
  })
  for (const fragment of fragments) {
    if (typeof fragment === "string") {
      expect(response!.data.message).toContain(fragment)
    } else {
      expect(response!.data.message).toMatch(fragment)
    }
  }
}

/** Dates far enough from now that no test run can cross them. */
export const PAST = "2020-01-15T12:00:00.000Z"
export const FUTURE = "2999-01-15T12:00:00.000Z"
export const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString()
