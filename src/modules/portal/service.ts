import type { Context, ICachingModuleService, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
  Modules,
} from "@medusajs/framework/utils"
import { computeDocumentAmounts, LineAmountsInput } from "../../lib/money"
import type { PdfBranding, PdfDocumentData, PdfPoolOptions, RenderPdfOptions } from "../../lib/pdf"
import { PdfRenderer, resolvePdfPoolOptions } from "../../lib/pdf"
import { compileTrustedProxies, ProxyTrust, TrustedProxies } from "../../lib/trusted-proxies"
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
import {
  AccessActions,
  CustomerReadActions,
  EmailDueActions,
  EstimateActions,
  EventActions,
  InvoiceActions,
  LinkActions,
  NumberingActions,
  ReminderActions,
  SessionActions,
  SettingsActions,
} from "./actions"
import type { EstimateState, InvoiceState, PortalDeps, PortalRequestCheck, PortalSessionOutcome, TokenCheck } from "./actions"
import type { DecideEstimateInput } from "./actions/estimates"
import type { RecordInvoicePaymentInput } from "./actions/invoices"
import { DocumentKind, PORTAL_SETTINGS_ID, PortalSessionChannel, PortalTokenSource } from "./constants"
import {
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  InvoicePayment,
  InvoiceRefund,
  PortalAccess,
  PortalEmailDue,
  PortalEvent,
  PaymentBatch,
  PaymentBatchItem,
  PortalReminder,
  PortalSequence,
  PortalSession,
  PortalSettings,
  PortalToken,
} from "./models"
import type { PortalSqlRepository } from "./repositories/portal-sql"
import { SettingsCache } from "./utils/settings-cache"

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
  /**
   * PDF rendering runs in worker threads: `threads` at once (default `min(4, cores - 1)`, at least
   * 1) and `maxQueue` waiting (default threads × 32); past that a PDF route answers 503 with
   * Retry-After. On Linux the threads run `niceIncrement` (default 10) nice steps below the app.
   */
  pdf?: PdfPoolOptions
}

export type { PortalRequestCheck, PortalSessionOutcome, TokenCheck }
export { PORTAL_SETTINGS_ID }

/**
 * The Portal module: a facade whose methods pick the manager or transaction (Medusa's
 * decorators) and hand over to the actions in `./actions`, one file per concern. Raw SQL lives in
 * `repositories/portal-sql.ts`.
 */
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
  PortalEmailDue,
  PortalReminder,
  PortalInvoiceRefund: InvoiceRefund,
  PortalPaymentBatch: PaymentBatch,
  PortalPaymentBatchItem: PaymentBatchItem,
}) {
  protected readonly options_: PortalModuleOptions
  protected readonly proxyTrust_: ProxyTrust
  protected readonly deps_: PortalDeps
  protected readonly pdfRenderer_: PdfRenderer

  /** Medusa's module lifecycle: the PDF threads end with the app, so nothing keeps the process alive. */
  readonly __hooks = {
    onApplicationShutdown: async () => {
      await this.pdfRenderer_.close()
    },
  }

  constructor(container: Record<string, unknown>, options: PortalModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options ?? {}
    // Compiled once, so a malformed option stops the server at boot rather than on a request.
    this.proxyTrust_ = compileTrustedProxies(this.options_.trustedProxies)
    this.pdfRenderer_ = new PdfRenderer(
      resolvePdfPoolOptions(this.options_.pdf),
      (container.logger as Logger | undefined) ?? console
    )
    this.deps_ = {
      service: this,
      sql: container.portalSqlRepository as PortalSqlRepository,
      // Medusa injects the Caching Module into every module when the app registers it.
      settingsCache: new SettingsCache(
        () => container[Modules.CACHING] as ICachingModuleService | undefined,
        (container.logger as Logger | undefined) ?? console
      ),
    }
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

  /**
   * Renders an invoice or estimate PDF in the PDF worker pool. Throws PdfRendererBusyError when
   * every thread is busy and the queue is full (routes answer 503 + Retry-After), unless
   * `waitWhenBusy` (background work such as a receipt's attachment).
   */
  renderDocumentPdf(data: PdfDocumentData, branding?: PdfBranding | null, options?: RenderPdfOptions): Promise<Buffer> {
    return this.pdfRenderer_.render(data, branding, options)
  }

  /** The cookie gets `Secure` when the portal is served over https, unless configured. */
  isCookieSecure(): boolean {
    return this.options_.cookieSecure ?? this.getPortalUrl().startsWith("https://")
  }

  // ── Settings (actions/settings.ts) ──────────────────────────────────────────

  /** The portal settings (portal off until the owner turns it on), cached when the app has a cache. */
  @InjectManager()
  async retrieveSettings(@MedusaContext() sharedContext: Context = {}): Promise<ModulePortalSettings> {
    return SettingsActions.retrieveSettings(this.deps_, sharedContext)
  }

  /** Partial update: fields left out keep their value. */
  @InjectManager()
  async updateSettings(
    data: ModuleUpdatePortalSettings,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ModulePortalSettings> {
    const settings = await this.updateSettings_(data, sharedContext)
    // After the commit: a read that began before it cannot bring the old settings back.
    await this.deps_.settingsCache.invalidate()
    return settings
  }

  @InjectTransactionManager()
  protected async updateSettings_(data: ModuleUpdatePortalSettings, @MedusaContext() sharedContext: Context = {}) {
    return SettingsActions.updateSettings(this.deps_, data, sharedContext)
  }

  // ── Documents (actions/invoices.ts, actions/estimates.ts) ───────────────────

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
    return InvoiceActions.createDraftInvoice(this.deps_, input, sharedContext)
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
    await InvoiceActions.updateDraftInvoice(this.deps_, id, input, sharedContext)
  }

  @InjectManager()
  async createDraftEstimate(input: ModuleCreateEstimate, @MedusaContext() sharedContext: Context = {}) {
    const id = await this.createDraftEstimate_(input, sharedContext)
    return this.retrievePortalEstimate(id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async createDraftEstimate_(input: ModuleCreateEstimate, @MedusaContext() sharedContext: Context = {}) {
    return EstimateActions.createDraftEstimate(this.deps_, input, sharedContext)
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
    await EstimateActions.updateDraftEstimate(this.deps_, id, input, sharedContext)
  }

  // ── Lifecycle (state machine in lib/transitions.ts) ─────────────────────────
  // Each transition locks the document row first, so concurrent calls on one document are
  // serialised and the state check cannot be raced. Each returns what compensation needs.

  /**
   * draft → sent, allocating the display number; a sent invoice is re-sent unchanged.
   * Refuses an invoice without lines.
   */
  @InjectTransactionManager()
  async sendInvoice(id: string, @MedusaContext() sharedContext: Context = {}) {
    return InvoiceActions.sendInvoice(this.deps_, id, sharedContext)
  }

  /** sent → void. Voiding a void invoice again changes nothing. */
  @InjectTransactionManager()
  async voidInvoice(id: string, @MedusaContext() sharedContext: Context = {}) {
    return InvoiceActions.voidInvoice(this.deps_, id, sharedContext)
  }

  /**
   * Records a payment against a sent invoice, never above the open amount; paying the open
   * amount marks it paid. Replays of a `payment_id` are returned, not recorded twice.
   * `up_to_open_amount` records only what is still due (see the action).
   */
  @InjectTransactionManager()
  async recordInvoicePayment(
    id: string,
    input: RecordInvoicePaymentInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return InvoiceActions.recordInvoicePayment(this.deps_, id, input, sharedContext)
  }

  /** Compensation of `recordInvoicePayment`: removes the payment and restores the invoice. */
  @InjectTransactionManager()
  async revertInvoicePayment(
    paymentId: string,
    previous: InvoiceState,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await InvoiceActions.revertInvoicePayment(this.deps_, paymentId, previous, sharedContext)
  }

  /**
   * Part payments of a draft or sent invoice (allowed or not, minimum); null follows the
   * settings' default. Returns the invoice and what it said before.
   */
  @InjectTransactionManager()
  async setInvoicePaymentOptions(
    id: string,
    input: InvoiceActions.InvoicePaymentOptions,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return InvoiceActions.setInvoicePaymentOptions(this.deps_, id, input, sharedContext)
  }

  /**
   * Records the owner's refund of (part of) an online payment, at most what is left of it; a
   * paid invoice that no longer is goes back to sent. The money moves in the workflow.
   */
  @InjectTransactionManager()
  async refundInvoicePayment(
    id: string,
    input: InvoiceActions.RefundInvoicePaymentInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return InvoiceActions.refundInvoicePayment(this.deps_, id, input, sharedContext)
  }

  /** Compensation of `refundInvoicePayment`. */
  @InjectTransactionManager()
  async revertInvoiceRefund(
    previousPayment: InvoiceActions.InvoicePaymentRefundState,
    previous: InvoiceState,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await InvoiceActions.revertInvoiceRefund(this.deps_, previousPayment, previous, sharedContext)
  }

  /** Compensation of the invoice transitions: puts back the state captured before. */
  @InjectTransactionManager()
  async restoreInvoiceState(previous: InvoiceState, @MedusaContext() sharedContext: Context = {}) {
    await InvoiceActions.restoreInvoiceState(this.deps_, previous, sharedContext)
  }

  /** Soft-deletes a draft invoice with its lines. */
  @InjectTransactionManager()
  async deleteDraftInvoice(id: string, @MedusaContext() sharedContext: Context = {}) {
    await InvoiceActions.deleteDraftInvoice(this.deps_, id, sharedContext)
  }

  @InjectTransactionManager()
  async deleteDraftEstimate(id: string, @MedusaContext() sharedContext: Context = {}) {
    await EstimateActions.deleteDraftEstimate(this.deps_, id, sharedContext)
  }

  /** draft → sent, allocating the display number; a sent estimate is re-sent unchanged. */
  @InjectTransactionManager()
  async sendEstimate(id: string, @MedusaContext() sharedContext: Context = {}) {
    return EstimateActions.sendEstimate(this.deps_, id, sharedContext)
  }

  @InjectTransactionManager()
  async restoreEstimateState(previous: EstimateState, @MedusaContext() sharedContext: Context = {}) {
    await EstimateActions.restoreEstimateState(this.deps_, previous, sharedContext)
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
    return EstimateActions.convertEstimateToInvoice(this.deps_, id, input, sharedContext)
  }

  /** Compensation of `convertEstimateToInvoice`. */
  @InjectTransactionManager()
  async revertEstimateConversion(estimateId: string, invoiceId: string, @MedusaContext() sharedContext: Context = {}) {
    await EstimateActions.revertEstimateConversion(this.deps_, estimateId, invoiceId, sharedContext)
  }

  /** The owner's deposit on a draft or pending estimate (type null clears it); returns what was there before. */
  @InjectTransactionManager()
  async setEstimateDeposit(id: string, input: { type: string | null; value?: unknown }, @MedusaContext() sharedContext: Context = {}) {
    return EstimateActions.setEstimateDeposit(this.deps_, id, input, sharedContext)
  }

  /** Compensation of `setEstimateDeposit`. */
  @InjectTransactionManager()
  async restoreEstimateDeposit(previous: EstimateActions.EstimateDepositSetting, @MedusaContext() sharedContext: Context = {}) {
    await EstimateActions.restoreEstimateDeposit(this.deps_, previous, sharedContext)
  }

  /** A captured deposit payment, recorded once and up to what is due of the deposit. */
  @InjectTransactionManager()
  async recordEstimateDeposit(
    id: string,
    input: { payment_id: string; amount: number; paid_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return EstimateActions.recordEstimateDeposit(this.deps_, id, input, sharedContext)
  }

  /** Compensation of `recordEstimateDeposit`. */
  @InjectTransactionManager()
  async revertEstimateDeposit(previous: EstimateActions.EstimateDepositPayment, @MedusaContext() sharedContext: Context = {}) {
    await EstimateActions.revertEstimateDeposit(this.deps_, previous, sharedContext)
  }

  /**
   * Re-opens a rejected estimate as a new draft revision (EST-0007 → EST-0007-2) with the same
   * customer, currency, notes and lines; the original is left as it is. Only the latest estimate
   * of a chain can be revised (409 naming the newer one otherwise).
   */
  @InjectManager()
  async reviseEstimate(id: string, @MedusaContext() sharedContext: Context = {}) {
    const revisionId = await this.reviseEstimate_(id, sharedContext)
    return this.retrievePortalEstimate(revisionId, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async reviseEstimate_(id: string, @MedusaContext() sharedContext: Context = {}) {
    return EstimateActions.reviseEstimate(this.deps_, id, sharedContext)
  }

  // ── Portal access: links, sessions, access rows (actions/links.ts, sessions.ts, access.ts) ──

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
    return LinkActions.issuePortalToken(this.deps_, customerId, input, sharedContext)
  }

  /** Overdue reminders off (true) or on for one customer; creates the access row when missing. */
  @InjectTransactionManager()
  async setRemindersOptOut(customerId: string, optOut: boolean, @MedusaContext() sharedContext: Context = {}) {
    return AccessActions.setRemindersOptOut(this.deps_, customerId, optOut, sharedContext)
  }

  /** Stamps first / last sent on the customer's access after a link was emailed. */
  @InjectTransactionManager()
  async recordAccessSent(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    await AccessActions.recordAccessSent(this.deps_, customerId, sharedContext)
  }

  /** Claims the customer's first-access email (see `AccessActions.claimFirstAccess`). */
  @InjectManager()
  async claimFirstAccess(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return AccessActions.claimFirstAccess(this.deps_, customerId, sharedContext)
  }

  /** Gives a first-access claim back after its email failed. */
  @InjectManager()
  async releaseFirstAccess(customerId: string, claimedAt: Date, @MedusaContext() sharedContext: Context = {}) {
    await AccessActions.releaseFirstAccess(this.deps_, customerId, claimedAt, sharedContext)
  }

  // ── Emails owed by document changes (actions/emails-due.ts) ──

  /** Claims an owed email for one delivery; false when it is done, given up or being delivered. */
  @InjectManager()
  async claimEmailDue(id: string, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}) {
    return EmailDueActions.claimEmailDue(this.deps_, id, now, sharedContext)
  }

  /** Owed emails nobody is delivering (the subscriber's process died), oldest first. */
  @InjectManager()
  async listEmailsDue(now: Date, limit: number, @MedusaContext() sharedContext: Context = {}) {
    return EmailDueActions.listEmailsDue(this.deps_, now, limit, sharedContext)
  }

  /** Looks a raw token up by its hash, in the same time whatever the outcome. */
  @InjectManager()
  async verifyPortalToken(rawToken: unknown, @MedusaContext() sharedContext: Context = {}): Promise<TokenCheck> {
    return LinkActions.verifyPortalToken(this.deps_, rawToken, sharedContext)
  }

  /** What every portal request re-checks: portal on, access enabled, session live, link not revoked. */
  @InjectManager()
  async checkPortalSession(
    customerId: string,
    sessionId: string | undefined,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PortalSessionOutcome> {
    return (await SessionActions.checkPortalRequest(this.deps_, customerId, sessionId, sharedContext)).outcome
  }

  /**
   * The same checks, in one SQL statement, with the settings row they read: what a portal
   * request runs first, so that it reads the settings once.
   */
  @InjectManager()
  async checkPortalRequest(
    customerId: string,
    sessionId: string | undefined,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PortalRequestCheck> {
    return SessionActions.checkPortalRequest(this.deps_, customerId, sessionId, sharedContext)
  }

  /**
   * Starts a portal session for a verified link and logs the open, in one statement (atomic
   * without a transaction); the session never outlives the link. Refused (UNAUTHORIZED) when the
   * link or the customer's access stopped working since the check.
   */
  @InjectManager()
  async startPortalSession(
    input: { token_id: string; customer_id: string; channel: PortalSessionChannel; max_seconds: number },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return SessionActions.startPortalSession(this.deps_, input, sharedContext)
  }

  /** Ends a session (sign out) in one UPDATE; ending an ended or another customer's session changes nothing. */
  @InjectManager()
  async endPortalSession(customerId: string, sessionId: string, @MedusaContext() sharedContext: Context = {}) {
    return SessionActions.endPortalSession(this.deps_, customerId, sessionId, sharedContext)
  }

  /** Disabling revokes every live link at once; enabling issues none (send or copy a new one). */
  @InjectTransactionManager()
  async setPortalAccessEnabled(customerId: string, enabled: boolean, @MedusaContext() sharedContext: Context = {}) {
    return AccessActions.setPortalAccessEnabled(this.deps_, customerId, enabled, sharedContext)
  }

  /** Sets (null: clears) the language the customer reads the portal in; returns the one it replaced. */
  @InjectTransactionManager()
  async setPortalAccessLocale(customerId: string, locale: string | null, @MedusaContext() sharedContext: Context = {}) {
    return AccessActions.setPortalAccessLocale(this.deps_, customerId, locale, sharedContext)
  }

  /**
   * Marks customers' access rows with when the Medusa customer was deleted (null: it exists);
   * returns the marks it replaced. What every portal request reads as `account_closed`.
   */
  @InjectTransactionManager()
  async setCustomerDeletedMarks(marks: AccessActions.CustomerDeletedMark[], @MedusaContext() sharedContext: Context = {}) {
    return AccessActions.setCustomerDeletedMarks(this.deps_, marks, sharedContext)
  }

  /** Revokes one of the customer's links; another customer's link id is "not found". */
  @InjectTransactionManager()
  async revokePortalToken(customerId: string, tokenId: string, @MedusaContext() sharedContext: Context = {}) {
    return LinkActions.revokePortalToken(this.deps_, customerId, tokenId, sharedContext)
  }

  /** The owner's view of a customer's access: status, dates and the live links. */
  @InjectManager()
  async retrievePortalAccessSummary(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return AccessActions.retrievePortalAccessSummary(this.deps_, customerId, sharedContext)
  }

  // ── Customer-scoped reads (actions/customer-reads.ts) ───────────────────────
  // The customer id comes from the session, never from the request; another customer's document
  // is "not found", like a missing one.

  /** Invoices a customer may see: sent and paid ones (never drafts, never void). */
  @InjectManager()
  async listCustomerInvoices(
    customerId: string,
    input: { status?: "unpaid" | "overdue" | "paid"; limit?: number; offset?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return CustomerReadActions.listCustomerInvoices(this.deps_, customerId, input, sharedContext)
  }

  @InjectManager()
  async retrieveCustomerInvoice(customerId: string, id: string, @MedusaContext() sharedContext: Context = {}) {
    return CustomerReadActions.retrieveCustomerInvoice(this.deps_, customerId, id, sharedContext)
  }

  /**
   * The customer's view of one of their invoices, with lines and payments, in one statement;
   * with `view` the view is logged by that same statement (only when the invoice was found).
   */
  @InjectManager()
  async retrieveCustomerInvoiceDetail(
    customerId: string,
    id: string,
    input: { view?: ModuleLogPortalEvent } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return CustomerReadActions.retrieveCustomerInvoiceDetail(this.deps_, customerId, id, input, sharedContext)
  }

  /** Estimates a customer may see: every sent one, pending or decided (never drafts). */
  @InjectManager()
  async listCustomerEstimates(
    customerId: string,
    input: { status?: "pending" | "accepted" | "rejected"; limit?: number; offset?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return CustomerReadActions.listCustomerEstimates(this.deps_, customerId, input, sharedContext)
  }

  @InjectManager()
  async retrieveCustomerEstimate(customerId: string, id: string, @MedusaContext() sharedContext: Context = {}) {
    return CustomerReadActions.retrieveCustomerEstimate(this.deps_, customerId, id, sharedContext)
  }
  /** The customer's view of one of their estimates with its lines, in one statement (as for invoices). */
  @InjectManager()
  async retrieveCustomerEstimateDetail(
    customerId: string,
    id: string,
    input: { view?: ModuleLogPortalEvent } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return CustomerReadActions.retrieveCustomerEstimateDetail(this.deps_, customerId, id, input, sharedContext)
  }


  /** A customer's statement ledger: visible invoices issued, and payments dated, before `end`. */
  @InjectManager()
  async retrieveCustomerLedger(customerId: string, end: Date, @MedusaContext() sharedContext: Context = {}) {
    return CustomerReadActions.retrieveCustomerLedger(this.deps_, customerId, end, sharedContext)
  }

  /** The home page's figures, for one customer: open balance per currency, overdue, pending. */
  @InjectManager()
  async retrieveCustomerSummary(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    return CustomerReadActions.retrieveCustomerSummary(this.deps_, customerId, sharedContext)
  }

  /**
   * The customer's decision on a sent estimate, with its append-only record (see
   * `EstimateActions.decideEstimate`). Repeating the decision already made changes nothing; the
   * opposite one is a 409; an expired estimate cannot be accepted; a changed one is a 409.
   */
  @InjectTransactionManager()
  async decideEstimate(
    customerId: string,
    id: string,
    input: DecideEstimateInput,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return EstimateActions.decideEstimate(this.deps_, customerId, id, input, sharedContext)
  }

  /** Compensation of `decideEstimate`: the only path that removes a decision record. */
  @InjectTransactionManager()
  async revertEstimateDecision(
    recordId: string,
    previous: EstimateState,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await EstimateActions.revertEstimateDecision(this.deps_, recordId, previous, sharedContext)
  }

  /**
   * An estimate's decision records, oldest first. Records are append-only: there is no method to
   * update or delete one (the model is left out of the generated methods on purpose).
   */
  @InjectManager()
  async listEstimateDecisions(estimateId: string, @MedusaContext() sharedContext: Context = {}) {
    return EstimateActions.listEstimateDecisions(this.deps_, estimateId, sharedContext)
  }

  // ── Overdue reminders (actions/reminders.ts; the schedule rule in lib/reminders.ts) ──

  /** One keyset page of the sent invoices due within `window`, with the customer's access flags. */
  @InjectManager()
  async listReminderCandidates(
    window: { from: Date; to: Date },
    after: { due_date: Date; id: string } | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return ReminderActions.listReminderCandidates(this.deps_, window, after, limit, sharedContext)
  }

  /** Claims (invoice, step) for this worker; null when another worker has it or it is done. */
  @InjectManager()
  async claimReminder(
    input: { invoice_id: string; customer_id: string; step: string; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return ReminderActions.claimReminder(this.deps_, input, sharedContext)
  }

  /** Records a claimed reminder as sent, or failed (claimed again by a later run). */
  @InjectManager()
  async finishReminder(
    id: string,
    outcome: { status: "sent" | "failed"; at: Date; error?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await ReminderActions.finishReminder(this.deps_, id, outcome, sharedContext)
  }

  // ── Numbering (actions/numbering.ts) ────────────────────────────────────────

  /**
   * Hands out the next display number of a kind (INV-0001, INV-0002, …) inside the caller's
   * transaction: concurrent callers never share a number; a rolled-back caller gives it back.
   */
  @InjectTransactionManager()
  async allocateDisplayNumber(kind: DocumentKind, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    return NumberingActions.allocateDisplayNumber(this.deps_, kind, sharedContext)
  }

  // ── Activity (actions/events.ts) ────────────────────────────────────────────

  /** Appends to the activity log. Only known event types are accepted. */
  @InjectManager()
  async logEvent(input: ModuleLogPortalEvent, @MedusaContext() sharedContext: Context = {}) {
    return EventActions.logEvent(this.deps_, input, sharedContext)
  }
}

export default PortalModuleService
