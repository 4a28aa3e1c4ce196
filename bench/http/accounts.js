// The accounts and credentials the scenarios use, obtained the way a real client does: the admin
// (medusa user CLI, then its login), a publishable key, the customers' Medusa logins (register,
// POST /store/customers, login), and a portal session cookie from a link the admin creates and the
// customer opens (GET shows the form with its login-CSRF token, POST starts the session).

const { Http, adminToken, linkForm, openLink } = require("../../scripts/lib/portal-http")

async function setUpStore(http, admin) {
  await http.request("POST", "/admin/portal/settings", { token: admin, body: { enabled: true, business_name: "Bench Services" } })
  const key = await http.request("POST", "/admin/api-keys", { token: admin, body: { title: "bench", type: "publishable" } })
  return key.json.api_key.token
}

/** A customer with a Medusa login; returns its id and a customer JWT. */
async function registerCustomer(http, key, { email, password, first_name, last_name }) {
  const registered = await http.request("POST", "/auth/customer/emailpass/register", { body: { email, password } })
  const created = await http.request("POST", "/store/customers", {
    token: registered.json.token,
    key,
    body: { email, first_name, last_name },
  })
  const login = await http.request("POST", "/auth/customer/emailpass", { body: { email, password } })
  return { id: created.json.customer.id, token: login.json.token }
}

/** A new portal link of the customer, created by the admin ("Copy portal link"). */
async function createLink(http, admin, customerId) {
  const { json } = await http.request("POST", `/admin/customers/${customerId}/portal-access/link`, { token: admin })
  const url = new URL(json.link.url)
  return { path: url.pathname, token: decodeURIComponent(url.pathname.split("/").pop()) }
}

module.exports = { Http, adminToken, setUpStore, registerCustomer, createLink, linkForm, openLink }
