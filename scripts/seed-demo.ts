import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCustomersWorkflow,
  createRegionsWorkflow,
  createUsersWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { PORTAL_MODULE } from "../src/modules/portal"
import type PortalModuleService from "../src/modules/portal/service"
import { createPortalLinkWorkflow } from "../src/workflows/access"

/**
 * Seeds the demo shop run by `npm run demo` (through `medusa exec`). Idempotent: every record is
 * looked up first, so running it again changes nothing. Prints a JSON summary on its last line
 * for scripts/demo.js.
 */
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@portal.demo"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "portal-demo"
const DAY = 86_400_000

type DemoLine = { title: string; description?: string; quantity: number; unit_price: number; tax_rate: number | null }

/**
 * Each customer has their own address and each document its own lines, so the portal, the PDFs
 * and the emails of one differ visibly from another's. Invoices: overdue, paid, unpaid (in that
 * order); estimates: rejected, accepted, pending.
 */
const DEMO_CUSTOMERS: {
  email: string
  first_name: string
  last_name: string
  phone: string
  company_name: string | null
  address: { address_1: string; address_2?: string; city: string; postal_code: string; province: string; country_code: string }
  invoices: DemoLine[][]
  estimates: DemoLine[][]
}[] = [
  {
    email: "maria.lopez@example.com",
    first_name: "Maria",
    last_name: "Lopez",
    phone: "+1 555 0101",
    company_name: "Lopez Bakery",
    address: { address_1: "12 Market Street", city: "Springfield", postal_code: "62701", province: "IL", country_code: "us" },
    invoices: [
      [
        { title: "Oven maintenance", description: "Deck oven, two chambers", quantity: 2, unit_price: 89.5, tax_rate: 8.25 },
        { title: "Replacement thermostat", quantity: 1, unit_price: 145, tax_rate: 8.25 },
      ],
      [{ title: "Walk-in cooler service", description: "Coil cleaning and refrigerant check", quantity: 1, unit_price: 260, tax_rate: 8.25 }],
      [
        { title: "Mixer gearbox repair", quantity: 1, unit_price: 412.75, tax_rate: 8.25 },
        { title: "Food-safe lubricant", quantity: 3, unit_price: 18.9, tax_rate: 8.25 },
        { title: "Call-out fee", quantity: 1, unit_price: 65, tax_rate: null },
      ],
    ],
    estimates: [
      [{ title: "New proofing cabinet", quantity: 1, unit_price: 3890, tax_rate: 8.25 }],
      [
        { title: "Annual maintenance plan", description: "Four visits a year, parts at cost", quantity: 1, unit_price: 960, tax_rate: 8.25 },
      ],
      [
        { title: "Extraction hood upgrade", description: "Stainless hood, 3 m, with filters", quantity: 1, unit_price: 2450, tax_rate: 8.25 },
        { title: "Ducting", quantity: 6, unit_price: 74.5, tax_rate: 8.25 },
        { title: "Installation labour", quantity: 12, unit_price: 85, tax_rate: null },
      ],
    ],
  },
  {
    email: "sam.okafor@example.com",
    first_name: "Sam",
    last_name: "Okafor",
    phone: "+1 555 0102",
    company_name: null,
    address: { address_1: "480 Lakeview Drive", address_2: "Apt 3B", city: "Madison", postal_code: "53703", province: "WI", country_code: "us" },
    invoices: [
      [
        { title: "Gutter cleaning", quantity: 3, unit_price: 19.99, tax_rate: null },
        { title: "Roof inspection", quantity: 1, unit_price: 120, tax_rate: null },
      ],
      [{ title: "Snow removal", description: "Driveway and front path, December", quantity: 4, unit_price: 45, tax_rate: 5.5 }],
      [
        { title: "Leaking faucet repair", quantity: 1, unit_price: 95, tax_rate: 5.5 },
        { title: "Cartridge replacement", quantity: 2, unit_price: 32.4, tax_rate: 5.5 },
      ],
    ],
    estimates: [
      [{ title: "Full roof replacement", description: "Asphalt shingles, 22 squares", quantity: 1, unit_price: 14800, tax_rate: 5.5 }],
      [{ title: "Gutter guards", quantity: 140, unit_price: 6.25, tax_rate: 5.5 }],
      [
        { title: "Bathroom fan installation", quantity: 1, unit_price: 310, tax_rate: 5.5 },
        { title: "Electrical permit", quantity: 1, unit_price: 75, tax_rate: null },
      ],
    ],
  },
]

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const portal = container.resolve<PortalModuleService>(PORTAL_MODULE)

  await ensureAdmin(container)
  await ensureRegion(container)
  await portal.updateSettings({
    enabled: true,
    allow_service_history: true,
    business_name: "Acme Home Services",
    support_email: "help@acme.example",
    owner_notification_email: ADMIN_EMAIL,
  })

  const customers: {
    id: string
    email: string
    name: string
    portal_link: string
    invoices: string[]
    estimates: string[]
  }[] = []
  for (const demo of DEMO_CUSTOMERS) {
    const customer = await ensureCustomer(container, demo)
    await ensureDocuments(portal, customer.id, demo)
    const invoices = await portal.listPortalInvoices({ customer_id: customer.id }, { order: { issue_date: "ASC" } })
    const estimates = await portal.listPortalEstimates({ customer_id: customer.id }, { order: { issue_date: "ASC" } })
    // A fresh link on every run: only its hash is stored, so an old one cannot be printed again.
    const { result: link } = await createPortalLinkWorkflow(container).run({ input: { customer_id: customer.id } })
    customers.push({
      id: customer.id,
      email: demo.email,
      name: `${demo.first_name} ${demo.last_name}`,
      portal_link: link.url,
      invoices: invoices.map((i) => `${i.display_number} ${portal.deriveInvoiceStatus(i)} ${i.total} USD`),
      estimates: estimates.map((e) => `${e.display_number} ${portal.deriveEstimateStatus(e)} ${e.total} USD`),
    })
  }

  logger.info("Demo data is in place")
  // The last line is read by scripts/demo.js.
  console.log(JSON.stringify({ admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, customers }))
}

async function ensureAdmin(container: ExecArgs["container"]) {
  const users = await container.resolve(Modules.USER).listUsers({ email: ADMIN_EMAIL })
  if (users.length) {
    return
  }
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email: ADMIN_EMAIL, first_name: "Demo", last_name: "Owner" }] },
  })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", {
    body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  } as any)
  if (error || !authIdentity) {
    throw new Error(`Could not create the demo admin: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: result[0].id } })
}

async function ensureRegion(container: ExecArgs["container"]) {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  if (store && !store.supported_currencies?.some((c) => c.currency_code === "usd")) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          supported_currencies: [
            { currency_code: "usd", is_default: true },
            { currency_code: "eur" },
          ],
        },
      },
    })
  }
  const regions = await container.resolve(Modules.REGION).listRegions({ name: "United States" })
  if (!regions.length) {
    await createRegionsWorkflow(container).run({
      input: { regions: [{ name: "United States", currency_code: "usd", countries: ["us"] }] },
    })
  }
}

async function ensureCustomer(container: ExecArgs["container"], demo: (typeof DEMO_CUSTOMERS)[number]) {
  const [existing] = await container.resolve(Modules.CUSTOMER).listCustomers({ email: demo.email })
  if (existing) {
    return existing
  }
  const { result } = await createCustomersWorkflow(container).run({
    input: {
      customersData: [
        {
          email: demo.email,
          first_name: demo.first_name,
          last_name: demo.last_name,
          phone: demo.phone,
          company_name: demo.company_name,
          addresses: [
            {
              ...demo.address,
              is_default_billing: true,
              is_default_shipping: true,
            },
          ],
        },
      ],
    },
  })
  return result[0]
}

/**
 * A paid, an unpaid and an overdue invoice, and a pending, an accepted and a rejected estimate.
 * The send / pay / decide workflows come with later issues, so the states are set directly.
 */
async function ensureDocuments(portal: PortalModuleService, customerId: string, demo: (typeof DEMO_CUSTOMERS)[number]) {
  if ((await portal.listPortalInvoices({ customer_id: customerId }, { take: 1 })).length) {
    return
  }
  const now = Date.now()
  const invoiceStates = [
    { state: "overdue", issued: now - 45 * DAY, due: now - 15 * DAY },
    { state: "paid", issued: now - 40 * DAY, due: now - 10 * DAY },
    { state: "unpaid", issued: now - 5 * DAY, due: now + 25 * DAY },
  ] as const
  for (const [i, { state, issued, due }] of invoiceStates.entries()) {
    const lines = demo.invoices[i]
    const draft = await portal.createDraftInvoice({
      customer_id: customerId,
      currency_code: "usd",
      issue_date: new Date(issued),
      due_date: new Date(due),
      notes: "Thank you for your business.",
      internal_note: "Demo data: not for the customer's eyes.",
      lines,
    })
    const sentAt = new Date(issued)
    await portal.updatePortalInvoices({
      id: draft.id,
      display_number: await portal.allocateDisplayNumber("invoice"),
      status: state === "paid" ? "paid" : "sent",
      sent_at: sentAt,
      ...(state === "paid" ? { paid_at: new Date(due - DAY), amount_paid: draft.total } : {}),
    })
    if (state === "paid") {
      await portal.createPortalInvoicePayments({
        invoice_id: draft.id,
        amount: draft.total,
        method: "bank_transfer",
        paid_at: new Date(due - DAY),
        reference: "Demo transfer",
      } as any)
    }
  }

  const estimateStates = [
    { status: "rejected", issued: now - 30 * DAY },
    { status: "accepted", issued: now - 20 * DAY },
    { status: "sent", issued: now - 2 * DAY },
  ] as const
  for (const [i, { status, issued }] of estimateStates.entries()) {
    const lines = demo.estimates[i]
    const draft = await portal.createDraftEstimate({
      customer_id: customerId,
      currency_code: "usd",
      issue_date: new Date(issued),
      valid_until: new Date(issued + 30 * DAY),
      lines,
    })
    await portal.updatePortalEstimates({
      id: draft.id,
      display_number: await portal.allocateDisplayNumber("estimate"),
      status,
      sent_at: new Date(issued),
      ...(status !== "sent" ? { decided_at: new Date(issued + DAY) } : {}),
      ...(status === "rejected" ? { decision_note: "Went with a cheaper option." } : {}),
    })
  }
}
