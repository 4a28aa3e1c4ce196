// The accounts and credentials the scenarios use, obtained the way a real client does: the admin
// (medusa user CLI, then its login), a publishable key, the customers' Medusa logins (register,
// POST /store/customers, login), and a portal session cookie from a link the admin creates and the
// customer opens (GET shows the form with its login-CSRF token, POST starts the session).

class Http {
  constructor(base) {
    this.base = base
  }

  async request(method, path, { token, key, body, cookie, form, expect = [200] } = {}) {
    const headers = {}
    if (token) headers.authorization = `Bearer ${token}`
    if (key) headers["x-publishable-api-key"] = key
    if (cookie) headers.cookie = cookie
    let payload
    if (form) {
      headers["content-type"] = "application/x-www-form-urlencoded"
      payload = new URLSearchParams(form).toString()
    } else if (body !== undefined) {
      headers["content-type"] = "application/json"
      payload = JSON.stringify(body)
    }
    const res = await fetch(this.base + path, { method, headers, body: payload, redirect: "manual" })
    const text = await res.text()
    if (!expect.includes(res.status)) {
      throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`)
    }
    const type = res.headers.get("content-type") || ""
    return { status: res.status, headers: res.headers, text, json: type.includes("json") ? JSON.parse(text) : null }
  }
}

/** "name=value" of a Set-Cookie header for `name`. */
function cookieFrom(headers, name) {
  const all = headers.getSetCookie ? headers.getSetCookie() : [headers.get("set-cookie") || ""]
  const found = all.map((c) => c.split(";")[0]).find((c) => c.startsWith(`${name}=`))
  if (!found) throw new Error(`no ${name} cookie in the answer`)
  return found
}

async function adminToken(http, { email, password }) {
  return (await http.request("POST", "/auth/user/emailpass", { body: { email, password } })).json.token
}

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

/** What the link page gives a browser: the nonce cookie and the form's token. */
async function linkForm(http, linkPath) {
  const page = await http.request("GET", linkPath)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1]
  if (!csrf) throw new Error(`the link page has no _csrf field: ${page.text.slice(0, 300)}`)
  return { nonceCookie: cookieFrom(page.headers, "portal_link_nonce"), csrf }
}

/** Presses the link page's button: 303 to /portal with the portal session cookie. */
async function openLink(http, linkPath, form) {
  const opened = await http.request("POST", linkPath, { cookie: form.nonceCookie, form: { _csrf: form.csrf }, expect: [303] })
  return cookieFrom(opened.headers, "portal_session")
}

module.exports = { Http, adminToken, setUpStore, registerCustomer, createLink, linkForm, openLink }
