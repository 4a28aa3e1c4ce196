import type { Context, FindConfig } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  optionalDate,
  optionalText,
  parseDate,
  prepareLines,
  requireCurrency,
  requireCustomerId,
} from "../../lib/document-input"
import { computeDocumentAmounts, LineAmountsInput } from "../../lib/money"
import { formatDisplayNumber } from "../../lib/numbering"
import {
  deriveEstimateStatus,
  deriveInvoiceStatus,
  EstimateDisplayStatus,
  InvoiceDisplayStatus,
  isEstimateExpired,
} from "../../lib/status"
import type {
  ModuleCreateEstimate,
  ModuleCreateInvoice,
  ModuleEstimate,
  ModuleInvoice,
  ModuleLogPortalEvent,
  ModulePortalSettings,
  ModuleUpdateEstimate,
  ModuleUpdateInvoice,
  ModuleUpdatePortalSettings,
} from "../../types/module"
import { DocumentKind, EstimateStatus, InvoiceStatus, PortalEventActor, PortalEventType } from "./constants"
import {
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  InvoicePayment,
  PortalAccess,
  PortalEvent,
  PortalSequence,
  PortalSettings,
  PortalToken,
} from "./models"

/** The single settings row has a fixed id, so concurrent first reads cannot create two. */
export const PORTAL_SETTINGS_ID = "psett_default"

const EVENT_TYPES = new Set<string>(Object.values(PortalEventType))

/**
 * The generated create / update signatures type big numbers as `number` and reject nullable
 * dates; at run time they take BigNumber values and Dates, which keep full precision.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const dmlInput = (data: object): any => data

type DocumentHeaderInput = {
  customer_id?: unknown
  currency_code?: unknown
  issue_date?: unknown
  notes?: unknown
  internal_note?: unknown
  metadata?: Record<string, unknown> | null
}

class PortalModuleService extends MedusaService({
  PortalSettings,
  Invoice,
  InvoiceLine,
  InvoicePayment,
  Estimate,
  EstimateLine,
  PortalAccess,
  PortalToken,
  PortalEvent,
  PortalSequence,
}) {
  // ── Settings ────────────────────────────────────────────────────────────────

  /** The portal settings, created with their defaults (portal off) on first read. */
  @InjectManager()
  async retrieveSettings(@MedusaContext() sharedContext: Context = {}): Promise<ModulePortalSettings> {
    // Inside a caller's transaction, stay on its connection.
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as SqlEntityManager
    await manager.execute(`INSERT INTO portal_settings (id) VALUES (?) ON CONFLICT (id) DO NOTHING`, [
      PORTAL_SETTINGS_ID,
    ])
    return (await this.retrievePortalSettings(PORTAL_SETTINGS_ID, {}, sharedContext)) as ModulePortalSettings
  }

  /** Partial update: fields left out keep their value. */
  @InjectManager()
  async updateSettings(
    data: ModuleUpdatePortalSettings,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ModulePortalSettings> {
    validateSettings(data)
    await this.retrieveSettings(sharedContext)
    return (await this.updatePortalSettings({ ...data, id: PORTAL_SETTINGS_ID }, sharedContext)) as ModulePortalSettings
  }

  // ── Documents ───────────────────────────────────────────────────────────────

  /** Line and document totals (BigNumber, rounded to the currency), as stored on documents. */
  computeTotals<L extends LineAmountsInput>(lines: L[], currencyCode: string) {
    return computeDocumentAmounts(lines, currencyCode)
  }

  /** Paid / Unpaid / Overdue (or draft / void), derived from the stored status and due date. */
  deriveInvoiceStatus(invoice: Pick<ModuleInvoice, "status" | "due_date">, now = new Date()): InvoiceDisplayStatus {
    return deriveInvoiceStatus(invoice, now)
  }

  /** Pending / Accepted / Rejected (or draft). */
  deriveEstimateStatus(estimate: Pick<ModuleEstimate, "status">): EstimateDisplayStatus {
    return deriveEstimateStatus(estimate)
  }

  isEstimateExpired(estimate: Pick<ModuleEstimate, "valid_until">, now = new Date()) {
    return isEstimateExpired(estimate, now)
  }

  /** Creates a draft invoice with its lines; totals are computed here, never taken from input. */
  @InjectManager()
  async createDraftInvoice(input: ModuleCreateInvoice, @MedusaContext() sharedContext: Context = {}) {
    const id = await this.createDraftInvoice_(input, sharedContext)
    return this.retrieveInvoice(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async createDraftInvoice_(input: ModuleCreateInvoice, @MedusaContext() sharedContext: Context = {}) {
    const header = prepareHeader(input)
    const dueDate = optionalDate(input.due_date, "due_date")
    assertNotBefore(dueDate, header.issue_date, "due_date")
    const amounts = prepareLines(input.lines ?? [], header.currency_code)
    const invoice = await this.createInvoices(
      dmlInput({
        ...header,
        due_date: dueDate,
        estimate_id: input.estimate_id ?? null,
        order_id: input.order_id ?? null,
        status: InvoiceStatus.DRAFT,
        subtotal: amounts.subtotal,
        tax_total: amounts.tax_total,
        total: amounts.total,
      }),
      sharedContext
    )
    if (amounts.lines.length) {
      await this.createInvoiceLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, invoice_id: invoice.id }))),
        sharedContext
      )
    }
    return invoice.id
  }

  /** Edits a draft; `lines`, when given, replace all lines. Anything but a draft is refused. */
  @InjectManager()
  async updateDraftInvoice(id: string, input: ModuleUpdateInvoice, @MedusaContext() sharedContext: Context = {}) {
    await this.updateDraftInvoice_(id, input, sharedContext)
    return this.retrieveInvoice(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateDraftInvoice_(
    id: string,
    input: ModuleUpdateInvoice,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const current = await this.retrieveInvoice(id, { relations: ["lines"] }, sharedContext)
    assertDraft("Invoice", current)
    const header = prepareHeader({ ...current, ...stripUndefined(input) })
    const dueDate = input.due_date === undefined ? current.due_date : optionalDate(input.due_date, "due_date")
    assertNotBefore(dueDate, header.issue_date, "due_date")
    const amounts = prepareLines(input.lines ?? sortLines(current.lines), header.currency_code)
    await this.deleteInvoiceLines(
      current.lines.map((l) => l.id),
      sharedContext
    )
    await this.updateInvoices(
      dmlInput({
        id,
        ...header,
        due_date: dueDate,
        subtotal: amounts.subtotal,
        tax_total: amounts.tax_total,
        total: amounts.total,
      }),
      sharedContext
    )
    if (amounts.lines.length) {
      await this.createInvoiceLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, invoice_id: id }))),
        sharedContext
      )
    }
  }

  @InjectManager()
  async createDraftEstimate(input: ModuleCreateEstimate, @MedusaContext() sharedContext: Context = {}) {
    const id = await this.createDraftEstimate_(input, sharedContext)
    return this.retrieveEstimate(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async createDraftEstimate_(input: ModuleCreateEstimate, @MedusaContext() sharedContext: Context = {}) {
    const header = prepareHeader(input)
    const validUntil = optionalDate(input.valid_until, "valid_until")
    assertNotBefore(validUntil, header.issue_date, "valid_until")
    const amounts = prepareLines(input.lines ?? [], header.currency_code)
    const estimate = await this.createEstimates(
      dmlInput({
        ...header,
        valid_until: validUntil,
        status: EstimateStatus.DRAFT,
        subtotal: amounts.subtotal,
        tax_total: amounts.tax_total,
        total: amounts.total,
      }),
      sharedContext
    )
    if (amounts.lines.length) {
      await this.createEstimateLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, estimate_id: estimate.id }))),
        sharedContext
      )
    }
    return estimate.id
  }

  @InjectManager()
  async updateDraftEstimate(id: string, input: ModuleUpdateEstimate, @MedusaContext() sharedContext: Context = {}) {
    await this.updateDraftEstimate_(id, input, sharedContext)
    return this.retrieveEstimate(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateDraftEstimate_(
    id: string,
    input: ModuleUpdateEstimate,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const current = await this.retrieveEstimate(id, { relations: ["lines"] }, sharedContext)
    assertDraft("Estimate", current)
    const header = prepareHeader({ ...current, ...stripUndefined(input) })
    const validUntil =
      input.valid_until === undefined ? current.valid_until : optionalDate(input.valid_until, "valid_until")
    assertNotBefore(validUntil, header.issue_date, "valid_until")
    const amounts = prepareLines(input.lines ?? sortLines(current.lines), header.currency_code)
    await this.deleteEstimateLines(
      current.lines.map((l) => l.id),
      sharedContext
    )
    await this.updateEstimates(
      dmlInput({
        id,
        ...header,
        valid_until: validUntil,
        subtotal: amounts.subtotal,
        tax_total: amounts.tax_total,
        total: amounts.total,
      }),
      sharedContext
    )
    if (amounts.lines.length) {
      await this.createEstimateLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, estimate_id: id }))),
        sharedContext
      )
    }
  }

  // ── Numbering ───────────────────────────────────────────────────────────────

  /**
   * Hands out the next display number of a kind (INV-0001, INV-0002, …). The counter row is
   * incremented and locked by one statement inside the caller's transaction: concurrent callers
   * wait for each other, never share a number, and a rolled-back caller gives its number back.
   */
  @InjectTransactionManager()
  async allocateDisplayNumber(kind: DocumentKind, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    if (kind !== DocumentKind.INVOICE && kind !== DocumentKind.ESTIMATE) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown document kind "${kind}"`)
    }
    const settings = await this.retrieveSettings(sharedContext)
    const prefix = kind === DocumentKind.INVOICE ? settings.invoice_prefix : settings.estimate_prefix
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [row] = await manager.execute(
      `INSERT INTO portal_sequence (id, name, value) VALUES (?, ?, 1)
       ON CONFLICT (name) WHERE deleted_at IS NULL DO UPDATE SET value = portal_sequence.value + 1, updated_at = now()
       RETURNING value`,
      [generateEntityId(undefined, "pseq"), kind]
    )
    return formatDisplayNumber(prefix, Number(row.value))
  }

  // ── Activity ────────────────────────────────────────────────────────────────

  /** Appends to the activity log. Only known event types are accepted. */
  @InjectManager()
  async logEvent(input: ModuleLogPortalEvent, @MedusaContext() sharedContext: Context = {}) {
    if (!EVENT_TYPES.has(input.type)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown portal event type "${input.type}"`)
    }
    return this.createPortalEvents(
      {
        type: input.type,
        customer_id: input.customer_id ?? null,
        actor: input.actor ?? PortalEventActor.SYSTEM,
        subject_type: input.subject_type ?? null,
        subject_id: input.subject_id ?? null,
        data: input.data ?? null,
      },
      sharedContext
    )
  }
}

export default PortalModuleService

// ── helpers ───────────────────────────────────────────────────────────────────

function prepareHeader(input: DocumentHeaderInput) {
  return {
    customer_id: requireCustomerId(input.customer_id),
    currency_code: requireCurrency(input.currency_code),
    issue_date: input.issue_date == null ? new Date() : parseDate(input.issue_date, "issue_date"),
    notes: optionalText(input.notes, "notes"),
    internal_note: optionalText(input.internal_note, "internal_note"),
    metadata: input.metadata ?? null,
  }
}

function assertNotBefore(date: Date | string | null | undefined, issueDate: Date, field: string) {
  if (date != null && new Date(date).getTime() < issueDate.getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} cannot be before issue_date`)
  }
}

function assertDraft(kind: "Invoice" | "Estimate", doc: { status: string; display_number?: string | null; id: string }) {
  if (doc.status !== "draft") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `${kind} ${doc.display_number ?? doc.id} is ${doc.status}; only drafts can be edited`
    )
  }
}

/** Existing lines as line input, in their stored order, so totals can be recomputed. */
function sortLines<L extends { rank: number; title: string; description: string | null; quantity: unknown; unit_price: unknown; tax_rate: unknown }>(
  lines: L[]
) {
  return [...lines]
    .sort((a, b) => a.rank - b.rank)
    .map((l) => ({
      title: l.title,
      description: l.description,
      quantity: l.quantity as number,
      unit_price: l.unit_price as number,
      tax_rate: l.tax_rate as number | null,
    }))
}

function stripUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function validateSettings(data: ModuleUpdatePortalSettings) {
  const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
  if (data.link_ttl_days !== undefined) {
    if (!Number.isInteger(data.link_ttl_days) || data.link_ttl_days < 1 || data.link_ttl_days > 365) {
      throw invalid("link_ttl_days must be a whole number of days between 1 and 365")
    }
  }
  if (data.accent_color !== undefined && !HEX_COLOUR.test(data.accent_color)) {
    throw invalid("accent_color must be a colour like #2563eb")
  }
  for (const field of ["support_email", "owner_notification_email"] as const) {
    const value = data[field]
    if (value != null && !EMAIL.test(value)) {
      throw invalid(`${field} must be an email address`)
    }
  }
  for (const field of ["invoice_prefix", "estimate_prefix"] as const) {
    const value = data[field]
    if (value !== undefined && (typeof value !== "string" || value.length > 20)) {
      throw invalid(`${field} must be text of at most 20 characters`)
    }
  }
}
