import type { Context, FindConfig } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import {
  linesAsInput,
  optionalDate,
  optionalText,
  parseDate,
  prepareLines,
  requireCurrency,
  requireCustomerId,
} from "../../lib/document-input"
import { computeDocumentAmounts, currencyDecimals, LineAmountsInput, openAmount, parseAmount } from "../../lib/money"
import { formatDisplayNumber } from "../../lib/numbering"
import { compileTrustedProxies, ProxyTrust, TrustedProxies } from "../../lib/trusted-proxies"
import { DECOY_HASH, generatePortalToken, hashesEqual, hashPortalToken, isTokenShaped } from "../../lib/tokens"
import { assertAction, ESTIMATE_ACTIONS, INVOICE_ACTIONS } from "../../lib/transitions"
import {
  deriveEstimateStatus,
  deriveInvoiceStatus,
  EstimateDisplayStatus,
  invoiceDisplayStatusFilter,
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
import {
  DocumentKind,
  EstimateStatus,
  InvoicePaymentMethod,
  InvoiceStatus,
  PortalEventActor,
  PortalEventType,
  PortalSessionChannel,
  PortalTokenSource,
} from "./constants"
import {
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  InvoicePayment,
  PortalAccess,
  PortalEvent,
  PortalSequence,
  PortalSession,
  PortalSettings,
  PortalToken,
} from "./models"

export type PortalModuleOptions = {
  /** Public base URL of the portal pages, used in emailed links. */
  portalUrl?: string
  /** Forces the Secure flag of the portal cookie on or off (default: on when portalUrl is https). */
  cookieSecure?: boolean
  /** Stripe publishable key for the Pay Now page. */
  stripePublishableKey?: string
  /**
   * Proxies allowed to report the client's address in X-Forwarded-For (rate limits are per
   * address): a hop count or addresses / CIDRs, like Express's `trust proxy`. Default: none.
   */
  trustedProxies?: TrustedProxies
}

export type PortalSessionOutcome = "ok" | "portal_disabled" | "access_disabled" | "link_revoked" | "signed_out"

export type TokenCheck =
  | { outcome: "unknown" }
  | { outcome: "valid" | "expired" | "revoked"; token_id: string; customer_id: string; expires_at: Date }

const DAY_MS = 86_400_000

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
  PortalInvoice: Invoice,
  PortalInvoiceLine: InvoiceLine,
  PortalInvoicePayment: InvoicePayment,
  PortalEstimate: Estimate,
  PortalEstimateLine: EstimateLine,
  PortalAccess,
  PortalToken,
  PortalSession,
  PortalEvent,
  PortalSequence,
}) {
  protected readonly options_: PortalModuleOptions
  protected readonly proxyTrust_: ProxyTrust

  constructor(container: Record<string, unknown>, options: PortalModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
    // Compiled once, so a malformed option stops the server at boot rather than on a request.
    this.proxyTrust_ = compileTrustedProxies(this.options_.trustedProxies)
  }

  /** Public base URL of the portal pages (the plugin's `portalUrl` option), without a trailing slash. */
  getPortalUrl(): string {
    const url = this.options_.portalUrl || process.env.PORTAL_URL || process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
    return url.replace(/\/+$/, "")
  }

  /** Stripe publishable key for the Pay Now page (the plugin's `stripePublishableKey` option). */
  getStripePublishableKey(): string | null {
    return this.options_.stripePublishableKey || process.env.STRIPE_PUBLISHABLE_KEY || null
  }

  /** Which hops of X-Forwarded-For to believe (the plugin's `trustedProxies` option). */
  getProxyTrust(): ProxyTrust {
    return this.proxyTrust_
  }

  /** The cookie gets `Secure` when the portal is served over https, unless configured. */
  isCookieSecure(): boolean {
    return this.options_.cookieSecure ?? this.getPortalUrl().startsWith("https://")
  }

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
    return this.retrievePortalInvoice(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async createDraftInvoice_(input: ModuleCreateInvoice, @MedusaContext() sharedContext: Context = {}) {
    const header = prepareHeader(input)
    const dueDate = optionalDate(input.due_date, "due_date")
    assertNotBefore(dueDate, header.issue_date, "due_date")
    const amounts = prepareLines(input.lines ?? [], header.currency_code)
    const invoice = await this.createPortalInvoices(
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
      await this.createPortalInvoiceLines(
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
    return this.retrievePortalInvoice(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateDraftInvoice_(
    id: string,
    input: ModuleUpdateInvoice,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const current = await this.retrievePortalInvoice(id, { relations: ["lines"] }, sharedContext)
    assertAction("invoice", INVOICE_ACTIONS, "edit", current)
    const header = prepareHeader({ ...current, ...stripUndefined(input) })
    const dueDate = input.due_date === undefined ? current.due_date : optionalDate(input.due_date, "due_date")
    assertNotBefore(dueDate, header.issue_date, "due_date")
    const amounts = prepareLines(input.lines ?? linesAsInput(current.lines), header.currency_code)
    await this.deletePortalInvoiceLines(
      current.lines.map((l) => l.id),
      sharedContext
    )
    await this.updatePortalInvoices(
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
      await this.createPortalInvoiceLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, invoice_id: id }))),
        sharedContext
      )
    }
  }

  @InjectManager()
  async createDraftEstimate(input: ModuleCreateEstimate, @MedusaContext() sharedContext: Context = {}) {
    const id = await this.createDraftEstimate_(input, sharedContext)
    return this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async createDraftEstimate_(input: ModuleCreateEstimate, @MedusaContext() sharedContext: Context = {}) {
    const header = prepareHeader(input)
    const validUntil = optionalDate(input.valid_until, "valid_until")
    assertNotBefore(validUntil, header.issue_date, "valid_until")
    const amounts = prepareLines(input.lines ?? [], header.currency_code)
    const estimate = await this.createPortalEstimates(
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
      await this.createPortalEstimateLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, estimate_id: estimate.id }))),
        sharedContext
      )
    }
    return estimate.id
  }

  @InjectManager()
  async updateDraftEstimate(id: string, input: ModuleUpdateEstimate, @MedusaContext() sharedContext: Context = {}) {
    await this.updateDraftEstimate_(id, input, sharedContext)
    return this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateDraftEstimate_(
    id: string,
    input: ModuleUpdateEstimate,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const current = await this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext)
    assertAction("estimate", ESTIMATE_ACTIONS, "edit", current)
    const header = prepareHeader({ ...current, ...stripUndefined(input) })
    const validUntil =
      input.valid_until === undefined ? current.valid_until : optionalDate(input.valid_until, "valid_until")
    assertNotBefore(validUntil, header.issue_date, "valid_until")
    const amounts = prepareLines(input.lines ?? linesAsInput(current.lines), header.currency_code)
    await this.deletePortalEstimateLines(
      current.lines.map((l) => l.id),
      sharedContext
    )
    await this.updatePortalEstimates(
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
      await this.createPortalEstimateLines(
        dmlInput(amounts.lines.map((line) => ({ ...line, estimate_id: id }))),
        sharedContext
      )
    }
  }

  // ── Lifecycle (state machine in lib/transitions.ts) ─────────────────────────
  // Each transition locks the document row first, so concurrent calls on one document are
  // serialised and the state check cannot be raced. Each returns what compensation needs.

  /** Locks an invoice row for the rest of the transaction and reads it with lines and payments. */
  protected async lockInvoice_(id: string, sharedContext: Context) {
    await lockRow(sharedContext, "portal_invoice", "Invoice", id)
    return this.retrievePortalInvoice(id, { relations: ["lines", "payments"] }, sharedContext)
  }

  protected async lockEstimate_(id: string, sharedContext: Context) {
    await lockRow(sharedContext, "portal_estimate", "Estimate", id)
    return this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext)
  }

  /**
   * draft → sent, allocating the display number; a sent invoice is re-sent unchanged.
   * Refuses an invoice without lines.
   */
  @InjectTransactionManager()
  async sendInvoice(id: string, @MedusaContext() sharedContext: Context = {}) {
    const invoice = await this.lockInvoice_(id, sharedContext)
    assertAction("invoice", INVOICE_ACTIONS, "send", invoice)
    const previous = pickState(invoice)
    if (invoice.status === InvoiceStatus.SENT) {
      return { invoice, previous, resent: true }
    }
    if (!invoice.lines.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Add at least one line to the invoice before sending it")
    }
    await this.updatePortalInvoices(
      {
        id,
        status: InvoiceStatus.SENT,
        display_number: invoice.display_number ?? (await this.allocateDisplayNumber(DocumentKind.INVOICE, sharedContext)),
        sent_at: new Date(),
      },
      sharedContext
    )
    return { invoice: await this.retrievePortalInvoice(id, { relations: ["lines", "payments"] }, sharedContext), previous, resent: false }
  }

  /** sent → void. Voiding a void invoice again changes nothing. */
  @InjectTransactionManager()
  async voidInvoice(id: string, @MedusaContext() sharedContext: Context = {}) {
    const invoice = await this.lockInvoice_(id, sharedContext)
    assertAction("invoice", INVOICE_ACTIONS, "void", invoice)
    const previous = pickState(invoice)
    if (invoice.status === InvoiceStatus.VOID) {
      return { invoice, previous, changed: false }
    }
    await this.updatePortalInvoices({ id, status: InvoiceStatus.VOID, voided_at: new Date() }, sharedContext)
    return { invoice: await this.retrievePortalInvoice(id, { relations: ["lines", "payments"] }, sharedContext), previous, changed: true }
  }

  /**
   * Records a payment against a sent invoice. It may not exceed the open amount; paying the
   * open amount marks the invoice paid. A payment with a `payment_id` already recorded (a
   * replayed online payment) is returned as it is, not recorded twice.
   *
   * `up_to_open_amount` is for money already taken (a card capture): instead of refusing, it
   * records only what is still due — nothing on a paid or void invoice — and the caller refunds
   * the rest. The cap is computed under the invoice row lock, so two captures cannot both fill it.
   */
  @InjectTransactionManager()
  async recordInvoicePayment(
    id: string,
    input: {
      amount: unknown
      method: InvoicePaymentMethod
      paid_at?: Date | string | null
      reference?: string | null
      payment_id?: string | null
      up_to_open_amount?: boolean
    },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const invoice = await this.lockInvoice_(id, sharedContext)
    if (input.payment_id) {
      const existing = invoice.payments.find((p) => p.payment_id === input.payment_id)
      if (existing) {
        return { invoice, payment: existing, previous: pickState(invoice), recorded: false, paid: false }
      }
    }
    const open = openAmount(invoice.total, invoice.amount_paid)
    if (input.up_to_open_amount && (invoice.status !== InvoiceStatus.SENT || !MathBN.gt(open, 0))) {
      return { invoice, payment: null, previous: pickState(invoice), recorded: false, paid: false }
    }
    assertAction("invoice", INVOICE_ACTIONS, "pay", invoice)
    if (!Object.values(InvoicePaymentMethod).includes(input.method)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `method must be one of ${Object.values(InvoicePaymentMethod).join(", ")}`)
    }
    const taken = parseAmount(input.amount, "amount", {
      exclusiveMin: true,
      maxDecimals: currencyDecimals(invoice.currency_code),
    })
    const amount = input.up_to_open_amount && taken.gt(open.numeric) ? MathBN.convert(open.numeric) : taken
    if (amount.gt(open.numeric)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `amount ${amount.toString()} exceeds the open amount of ${open.numeric} ${invoice.currency_code.toUpperCase()}`
      )
    }
    const paidAt = input.paid_at == null ? new Date() : parseDate(input.paid_at, "paid_at")
    const payment = await this.createPortalInvoicePayments(
      dmlInput({
        invoice_id: id,
        amount: amount.toString(),
        method: input.method,
        paid_at: paidAt,
        reference: optionalText(input.reference, "reference", 500),
        payment_id: input.payment_id ?? null,
      }),
      sharedContext
    )
    const amountPaid = amount.plus(invoice.amount_paid)
    const paid = amountPaid.gte(invoice.total)
    await this.updatePortalInvoices(
      dmlInput({
        id,
        amount_paid: amountPaid.toString(),
        ...(paid ? { status: InvoiceStatus.PAID, paid_at: paidAt } : {}),
      }),
      sharedContext
    )
    return {
      invoice: await this.retrievePortalInvoice(id, { relations: ["lines", "payments"] }, sharedContext),
      payment,
      previous: pickState(invoice),
      recorded: true,
      paid,
    }
  }

  /** Compensation of `recordInvoicePayment`: removes the payment and restores the invoice. */
  @InjectTransactionManager()
  async revertInvoicePayment(
    paymentId: string,
    previous: InvoiceState,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await this.deletePortalInvoicePayments(paymentId, sharedContext)
    await this.restoreInvoiceState(previous, sharedContext)
  }

  /** Compensation of the invoice transitions: puts back the state captured before. */
  @InjectTransactionManager()
  async restoreInvoiceState(previous: InvoiceState, @MedusaContext() sharedContext: Context = {}) {
    await this.updatePortalInvoices(dmlInput(previous), sharedContext)
  }

  /** Soft-deletes a draft invoice with its lines. */
  @InjectTransactionManager()
  async deleteDraftInvoice(id: string, @MedusaContext() sharedContext: Context = {}) {
    const invoice = await this.lockInvoice_(id, sharedContext)
    assertAction("invoice", INVOICE_ACTIONS, "delete", invoice)
    await this.softDeletePortalInvoices(id, {}, sharedContext)
  }

  @InjectTransactionManager()
  async deleteDraftEstimate(id: string, @MedusaContext() sharedContext: Context = {}) {
    const estimate = await this.lockEstimate_(id, sharedContext)
    assertAction("estimate", ESTIMATE_ACTIONS, "delete", estimate)
    await this.softDeletePortalEstimates(id, {}, sharedContext)
  }

  /** draft → sent, allocating the display number; a sent estimate is re-sent unchanged. */
  @InjectTransactionManager()
  async sendEstimate(id: string, @MedusaContext() sharedContext: Context = {}) {
    const estimate = await this.lockEstimate_(id, sharedContext)
    assertAction("estimate", ESTIMATE_ACTIONS, "send", estimate)
    const previous = pickEstimateState(estimate)
    if (estimate.status === EstimateStatus.SENT) {
      return { estimate, previous, resent: true }
    }
    if (!estimate.lines.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Add at least one line to the estimate before sending it")
    }
    await this.updatePortalEstimates(
      {
        id,
        status: EstimateStatus.SENT,
        display_number:
          estimate.display_number ?? (await this.allocateDisplayNumber(DocumentKind.ESTIMATE, sharedContext)),
        sent_at: new Date(),
      },
      sharedContext
    )
    return { estimate: await this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext), previous, resent: false }
  }

  @InjectTransactionManager()
  async restoreEstimateState(previous: EstimateState, @MedusaContext() sharedContext: Context = {}) {
    await this.updatePortalEstimates(dmlInput(previous), sharedContext)
  }

  /**
   * Turns an accepted estimate into a new draft invoice with the same customer, currency, notes
   * and lines, linked both ways. An estimate converts once.
   */
  @InjectManager()
  async convertEstimateToInvoice(
    id: string,
    input: { due_date?: Date | string | null } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const invoiceId = await this.convertEstimateToInvoice_(id, input, sharedContext)
    // Read after the transaction: the new invoice's lines are not in its identity map.
    return {
      invoice: await this.retrievePortalInvoice(invoiceId, { relations: ["lines", "payments"] }, sharedContext),
      estimate: await this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext),
    }
  }

  @InjectTransactionManager()
  protected async convertEstimateToInvoice_(
    id: string,
    input: { due_date?: Date | string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const estimate = await this.lockEstimate_(id, sharedContext)
    assertAction("estimate", ESTIMATE_ACTIONS, "convert", estimate)
    if (estimate.invoice_id) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Estimate ${estimate.display_number ?? id} was already converted into invoice ${estimate.invoice_id}`
      )
    }
    const invoiceId = await this.createDraftInvoice_(
      {
        customer_id: estimate.customer_id,
        currency_code: estimate.currency_code,
        notes: estimate.notes,
        internal_note: estimate.internal_note,
        due_date: input.due_date ?? null,
        estimate_id: estimate.id,
        lines: linesAsInput(estimate.lines),
      },
      sharedContext
    )
    await this.updatePortalEstimates({ id, invoice_id: invoiceId }, sharedContext)
    return invoiceId
  }

  /** Compensation of `convertEstimateToInvoice`. */
  @InjectTransactionManager()
  async revertEstimateConversion(estimateId: string, invoiceId: string, @MedusaContext() sharedContext: Context = {}) {
    await this.updatePortalEstimates({ id: estimateId, invoice_id: null }, sharedContext)
    await this.deletePortalInvoices(invoiceId, sharedContext)
  }

  // ── Portal access (magic links) ─────────────────────────────────────────────

  /** The customer's access row, created (enabled, never sent) when missing. */
  protected async ensureAccess_(customerId: string, sharedContext: Context) {
    const manager = sharedContext.transactionManager as SqlEntityManager
    await manager.execute(
      `INSERT INTO portal_access (id, customer_id) VALUES (?, ?)
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "pacc"), customerId]
    )
    // Row lock until the transaction ends: issuing a link and disabling access are serialized, so
    // a link issued while access is being disabled cannot outlive the revocation.
    await manager.execute(`SELECT id FROM portal_access WHERE customer_id = ? AND deleted_at IS NULL FOR UPDATE`, [customerId])
    const [access] = await this.listPortalAccesses({ customer_id: customerId }, { take: 1 }, sharedContext)
    return access
  }

  /**
   * Creates a magic link for a customer. Returns the raw token once: only its hash is stored.
   * Refused while the customer's access is disabled.
   */
  @InjectTransactionManager()
  async issuePortalToken(
    customerId: string,
    input: { source: PortalTokenSource; ttl_days?: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const access = await this.ensureAccess_(requireCustomerId(customerId), sharedContext)
    if (!access.enabled) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "Portal access is disabled for this customer; enable it before sending a link"
      )
    }
    const settings = await this.retrieveSettings(sharedContext)
    const ttlDays = input.ttl_days ?? settings.link_ttl_days
    const token = generatePortalToken()
    const record = await this.createPortalTokens(
      {
        customer_id: customerId,
        token_hash: hashPortalToken(token),
        source: input.source,
        expires_at: new Date(Date.now() + ttlDays * DAY_MS),
      },
      sharedContext
    )
    return { token, portal_token: record }
  }

  /** Stamps first / last sent on the customer's access after a link was emailed. */
  @InjectTransactionManager()
  async recordAccessSent(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const access = await this.ensureAccess_(customerId, sharedContext)
    const now = new Date()
    await this.updatePortalAccesses(
      { id: access.id, last_sent_at: now, first_sent_at: access.first_sent_at ?? now },
      sharedContext
    )
  }

  /**
   * Looks a raw token up by its hash. Every outcome costs one indexed lookup and one
   * constant-time comparison, so unknown, expired and revoked tokens are not told apart by time.
   */
  @InjectManager()
  async verifyPortalToken(rawToken: unknown, @MedusaContext() sharedContext: Context = {}): Promise<TokenCheck> {
    const hash = hashPortalToken(typeof rawToken === "string" ? rawToken.slice(0, 100) : "")
    const [record] = isTokenShaped(rawToken)
      ? await this.listPortalTokens({ token_hash: hash }, { take: 1 }, sharedContext)
      : [undefined]
    const matches = hashesEqual(record?.token_hash ?? DECOY_HASH, hash)
    if (!record || !matches) {
      return { outcome: "unknown" }
    }
    const base = { token_id: record.id, customer_id: record.customer_id, expires_at: record.expires_at }
    if (record.revoked_at) {
      return { outcome: "revoked", ...base }
    }
    if (new Date(record.expires_at).getTime() <= Date.now()) {
      return { outcome: "expired", ...base }
    }
    return { outcome: "valid", ...base }
  }

  /**
   * What every portal request re-checks: the portal is on, the customer's access is enabled,
   * and — for a portal session — the session was not ended and the link it came through was not
   * revoked (disabling access revokes them all). Without a session id (a storefront's own Medusa
   * customer login) only the first two apply.
   */
  @InjectManager()
  async checkPortalSession(
    customerId: string,
    sessionId: string | undefined,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PortalSessionOutcome> {
    const settings = await this.retrieveSettings(sharedContext)
    if (!settings.enabled) {
      return "portal_disabled"
    }
    const [access] = await this.listPortalAccesses({ customer_id: customerId }, { take: 1 }, sharedContext)
    if (!access || !access.enabled) {
      return "access_disabled"
    }
    if (sessionId === undefined) {
      return "ok"
    }
    const [session] = await this.listPortalSessions({ id: sessionId, customer_id: customerId }, { take: 1 }, sharedContext)
    if (!session || session.ended_at || new Date(session.expires_at).getTime() <= Date.now()) {
      return "signed_out"
    }
    const [token] = await this.listPortalTokens({ id: session.token_id, customer_id: customerId }, { take: 1 }, sharedContext)
    if (!token || token.revoked_at) {
      return "link_revoked"
    }
    return "ok"
  }

  /**
   * Starts a session for a verified link: the session row, the link's last use and the
   * customer's last visit, in one transaction. The session never outlives the link.
   */
  @InjectTransactionManager()
  async startPortalSession(
    input: { token_id: string; customer_id: string; channel: PortalSessionChannel; max_seconds: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const now = new Date()
    const [token] = await this.listPortalTokens({ id: input.token_id, customer_id: input.customer_id }, { take: 1 }, sharedContext)
    if (!token || token.revoked_at || new Date(token.expires_at).getTime() <= now.getTime()) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "This portal link no longer works; ask for a new one")
    }
    const expiresAt = new Date(Math.min(new Date(token.expires_at).getTime(), now.getTime() + input.max_seconds * 1000))
    const session = await this.createPortalSessions(
      { customer_id: input.customer_id, token_id: token.id, channel: input.channel, expires_at: expiresAt },
      sharedContext
    )
    const access = await this.ensureAccess_(input.customer_id, sharedContext)
    await this.updatePortalTokens({ id: token.id, last_used_at: now }, sharedContext)
    await this.updatePortalAccesses({ id: access.id, last_opened_at: now }, sharedContext)
    return session
  }

  /** Ends a session (sign out); ending an ended or another customer's session changes nothing. */
  @InjectTransactionManager()
  async endPortalSession(customerId: string, sessionId: string, @MedusaContext() sharedContext: Context = {}) {
    const [session] = await this.listPortalSessions({ id: sessionId, customer_id: customerId }, { take: 1 }, sharedContext)
    if (!session || session.ended_at) {
      return { ended: false }
    }
    await this.updatePortalSessions({ id: session.id, ended_at: new Date() }, sharedContext)
    return { ended: true }
  }

  /** Disabling revokes every live link at once; enabling issues none (send or copy a new one). */
  @InjectTransactionManager()
  async setPortalAccessEnabled(customerId: string, enabled: boolean, @MedusaContext() sharedContext: Context = {}) {
    const access = await this.ensureAccess_(requireCustomerId(customerId), sharedContext)
    const now = new Date()
    if (!enabled) {
      const manager = sharedContext.transactionManager as SqlEntityManager
      await manager.execute(
        `UPDATE portal_token SET revoked_at = ?, updated_at = ? WHERE customer_id = ? AND revoked_at IS NULL AND deleted_at IS NULL`,
        [now, now, customerId]
      )
    }
    await this.updatePortalAccesses({ id: access.id, enabled, disabled_at: enabled ? null : now }, sharedContext)
    return { changed: access.enabled !== enabled }
  }

  /** Revokes one of the customer's links; another customer's link id is "not found". */
  @InjectTransactionManager()
  async revokePortalToken(customerId: string, tokenId: string, @MedusaContext() sharedContext: Context = {}) {
    const [token] = await this.listPortalTokens({ id: tokenId, customer_id: customerId }, { take: 1 }, sharedContext)
    if (!token) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Portal link with id "${tokenId}" was not found`)
    }
    if (!token.revoked_at) {
      await this.updatePortalTokens({ id: tokenId, revoked_at: new Date() }, sharedContext)
    }
    return token
  }

  /** The owner's view of a customer's access: status, dates and the live links. */
  @InjectManager()
  async retrievePortalAccessSummary(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const [access] = await this.listPortalAccesses({ customer_id: customerId }, { take: 1 }, sharedContext)
    const links = await this.listPortalTokens(
      { customer_id: customerId, revoked_at: null, expires_at: { $gt: new Date() } },
      { order: { created_at: "DESC" }, select: ["id", "source", "created_at", "expires_at", "last_used_at"] },
      sharedContext
    )
    const status =
      access?.enabled === false ? "disabled" : access?.first_sent_at || links.length ? "enabled" : "never_sent"
    return {
      customer_id: customerId,
      status,
      enabled: access?.enabled ?? true,
      first_sent_at: access?.first_sent_at ?? null,
      last_sent_at: access?.last_sent_at ?? null,
      last_opened_at: access?.last_opened_at ?? null,
      disabled_at: access?.disabled_at ?? null,
      links,
    }
  }

  // ── Customer-scoped reads (the portal) ──────────────────────────────────────
  // Every read a customer triggers goes through these: the customer id comes from the session,
  // never from the request, and another customer's document is "not found", like a missing one.

  /** Invoices a customer may see: sent and paid ones (never drafts, never void). */
  @InjectManager()
  async listCustomerInvoices(
    customerId: string,
    { status, limit = 20, offset = 0 }: { status?: "unpaid" | "overdue" | "paid"; limit?: number; offset?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const filters: Record<string, unknown> = {
      customer_id: requireCustomerId(customerId),
      ...(status ? invoiceDisplayStatusFilter(status) : { status: [InvoiceStatus.SENT, InvoiceStatus.PAID] }),
    }
    return this.listAndCountPortalInvoices(
      filters,
      { take: limit, skip: offset, order: { issue_date: "DESC", id: "DESC" } },
      sharedContext
    )
  }

  @InjectManager()
  async retrieveCustomerInvoice(customerId: string, id: string, @MedusaContext() sharedContext: Context = {}) {
    const [invoice] = await this.listPortalInvoices(
      { id, customer_id: requireCustomerId(customerId), status: [InvoiceStatus.SENT, InvoiceStatus.PAID] },
      { relations: ["lines", "payments"], take: 1 },
      sharedContext
    )
    if (!invoice) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Invoice with id "${id}" was not found`)
    }
    return invoice
  }

  /** Estimates a customer may see: every sent one, pending or decided (never drafts). */
  @InjectManager()
  async listCustomerEstimates(
    customerId: string,
    { status, limit = 20, offset = 0 }: { status?: "pending" | "accepted" | "rejected"; limit?: number; offset?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    const stored = status === "pending" ? [EstimateStatus.SENT] : status ? [status] : [EstimateStatus.SENT, EstimateStatus.ACCEPTED, EstimateStatus.REJECTED]
    return this.listAndCountPortalEstimates(
      { customer_id: requireCustomerId(customerId), status: stored },
      { take: limit, skip: offset, order: { issue_date: "DESC", id: "DESC" } },
      sharedContext
    )
  }

  @InjectManager()
  async retrieveCustomerEstimate(customerId: string, id: string, @MedusaContext() sharedContext: Context = {}) {
    const [estimate] = await this.listPortalEstimates(
      {
        id,
        customer_id: requireCustomerId(customerId),
        status: [EstimateStatus.SENT, EstimateStatus.ACCEPTED, EstimateStatus.REJECTED],
      },
      { relations: ["lines"], take: 1 },
      sharedContext
    )
    if (!estimate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
    }
    return estimate
  }

  /** The home page's figures, for one customer: open balance per currency, overdue, pending. */
  @InjectManager()
  async retrieveCustomerSummary(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    // numeric arithmetic in PostgreSQL: exact, no float drift.
    const balances: { currency_code: string; open_amount: string; overdue: string }[] = await manager.execute(
      `SELECT currency_code, SUM(total - amount_paid)::text AS open_amount,
              COUNT(*) FILTER (WHERE due_date < now())::text AS overdue
       FROM portal_invoice WHERE customer_id = ? AND status = 'sent' AND deleted_at IS NULL
       GROUP BY currency_code ORDER BY currency_code`,
      [requireCustomerId(customerId)]
    )
    const [pending] = await manager.execute(
      `SELECT COUNT(*)::int AS n FROM portal_estimate WHERE customer_id = ? AND status = 'sent' AND deleted_at IS NULL`,
      [customerId]
    )
    return {
      balances: balances.map((b) => ({ currency_code: b.currency_code, open_amount: Number(b.open_amount) })),
      overdue_count: balances.reduce((n, b) => n + Number(b.overdue), 0),
      pending_estimates: Number(pending.n),
    }
  }

  /**
   * The customer's decision on a sent estimate. Repeating the decision already made changes
   * nothing; the opposite one is a 409; an expired estimate cannot be accepted.
   */
  @InjectTransactionManager()
  async decideEstimate(
    customerId: string,
    id: string,
    input: { decision: "accepted" | "rejected"; note?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const estimate = await this.lockEstimate_(id, sharedContext)
    if (estimate.customer_id !== customerId || estimate.status === EstimateStatus.DRAFT) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Estimate with id "${id}" was not found`)
    }
    const previous = pickEstimateState(estimate)
    if (estimate.status === input.decision) {
      return { estimate, previous, changed: false }
    }
    if (estimate.status !== EstimateStatus.SENT) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Estimate ${estimate.display_number} was already ${estimate.status}; the decision cannot be changed here. Please contact the business.`
      )
    }
    if (input.decision === EstimateStatus.ACCEPTED && isEstimateExpired(estimate)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Estimate ${estimate.display_number} expired on ${new Date(estimate.valid_until!).toISOString().slice(0, 10)} and can no longer be accepted. Please ask the business for a new estimate.`
      )
    }
    await this.updatePortalEstimates(
      {
        id,
        status: input.decision,
        decided_at: new Date(),
        decision_note: optionalText(input.note, "note", 2000),
      },
      sharedContext
    )
    return { estimate: await this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext), previous, changed: true }
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

type InvoiceState = {
  id: string
  status: string
  display_number: string | null
  sent_at: Date | null
  paid_at: Date | null
  voided_at: Date | null
  amount_paid: unknown
}

type EstimateState = {
  id: string
  status: string
  display_number: string | null
  sent_at: Date | null
  decided_at: Date | null
  decision_note: string | null
}

function pickState(invoice: ModuleInvoice): InvoiceState {
  const { id, status, display_number, sent_at, paid_at, voided_at, amount_paid } = invoice
  return { id, status, display_number, sent_at, paid_at, voided_at, amount_paid }
}

function pickEstimateState(estimate: ModuleEstimate): EstimateState {
  const { id, status, display_number, sent_at, decided_at, decision_note } = estimate
  return { id, status, display_number, sent_at, decided_at, decision_note }
}

/** `SELECT … FOR UPDATE` on one live row of a portal table; 404 when there is none. */
async function lockRow(sharedContext: Context, table: string, label: string, id: string) {
  const manager = sharedContext.transactionManager as SqlEntityManager
  const rows = await manager.execute(`SELECT id FROM ${table} WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [id])
  if (!rows.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} with id "${id}" was not found`)
  }
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
