// A plain HTTP client for a running Medusa app and the portal's browser steps, for scripts that
// drive a production build from outside (the benchmark, the cluster test): no cookie jar, no
// redirects followed; each call says which status it expects.

class Http {
  constructor(base) {
    this.base = base
  }

  async request(method, path, { token, key, body, cookie, form, headers: extra = {}, expect = [200] } = {}) {
    const headers = { ...extra }
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

module.exports = { Http, cookieFrom, adminToken, linkForm, openLink }
