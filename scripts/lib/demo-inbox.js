// The demo's outbox: a local SMTP server that the plugin's SMTP provider sends to (the same
// approach as integration-tests/utils/smtp-sink.ts), printing one block per email to the console
// and listing them on a small inbox page. Nothing leaves the machine.
const http = require("http")
const { SMTPServer } = require("smtp-server")
const { simpleParser } = require("mailparser")

/** Every http(s) link of an email, from its HTML (href) and its text, in order, once each. */
function linksOf(mail) {
  const found = []
  const add = (url) => {
    const clean = url.replace(/&amp;/g, "&").replace(/[).,;]+$/, "")
    if (!found.includes(clean)) {
      found.push(clean)
    }
  }
  for (const match of String(mail.html || "").matchAll(/href="(https?:\/\/[^"]+)"/g)) {
    add(match[1])
  }
  for (const match of String(mail.text || "").matchAll(/https?:\/\/[^\s<>"]+/g)) {
    add(match[0])
  }
  return found
}

const escape = (value) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject)
      resolve(server.address().port)
    })
  })
}

/**
 * Starts the SMTP sink on `smtpPort` (0: any free port) and the inbox page on `inboxPort`.
 * `print(line)` receives each email's summary. Returns the ports and a stop function.
 */
async function startDemoInbox({ smtpPort = 0, inboxPort = 0, print }) {
  const messages = []
  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 25 * 1024 * 1024,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const entry = {
            n: messages.length + 1,
            at: new Date(),
            to: mail.to ? mail.to.text : "",
            subject: mail.subject || "(no subject)",
            links: linksOf(mail),
            attachments: (mail.attachments || []).map((a) => a.filename || a.contentType),
            html: mail.html || null,
            text: mail.text || "",
          }
          messages.push(entry)
          const lines = [`✉  Email #${entry.n} to ${entry.to}: "${entry.subject}"`]
          entry.links.forEach((link) => lines.push(`     link: ${link}`))
          entry.attachments.forEach((name) => lines.push(`     attached: ${name}`))
          print(lines.join("\n"))
          callback()
        })
        .catch((error) => callback(error))
    },
  })
  // A client dropping its connection must not stop the demo.
  smtp.on("error", () => undefined)
  const boundSmtpPort = await listen(smtp.server, smtpPort)

  const inbox = http.createServer((req, res) => {
    const one = /^\/messages\/(\d+)$/.exec(req.url || "")
    if (one) {
      const entry = messages[Number(one[1]) - 1]
      if (!entry) {
        res.writeHead(404, { "content-type": "text/plain" }).end("No such email")
        return
      }
      // The email as sent; its links open the demo portal.
      res.writeHead(200, { "content-type": entry.html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" })
      res.end(entry.html || entry.text)
      return
    }
    if (req.url !== "/") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found")
      return
    }
    const rows = [...messages]
      .reverse()
      .map(
        (m) =>
          `<li><a href="/messages/${m.n}"><strong>${escape(m.subject)}</strong></a><br>` +
          `<small>#${m.n} · to ${escape(m.to)} · ${escape(m.at.toLocaleString())}</small>` +
          (m.links.length ? `<ul>${m.links.map((l) => `<li><a href="${escape(l)}">${escape(l)}</a></li>`).join("")}</ul>` : "") +
          `</li>`
      )
      .join("")
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta http-equiv="refresh" content="10"><title>Demo inbox</title>` +
        `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}li{margin:.75rem 0;overflow-wrap:anywhere}</style></head>` +
        `<body><h1>Demo inbox</h1><p>Every email the demo sends, newest first (this page reloads every 10 s).</p>` +
        (rows ? `<ol reversed>${rows}</ol>` : "<p>No email yet. Try “Email me a link” on /portal/login, or Send portal access in the admin.</p>") +
        `</body></html>`
    )
  })
  const boundInboxPort = await listen(inbox, inboxPort)

  return {
    smtpPort: boundSmtpPort,
    inboxPort: boundInboxPort,
    stop: () =>
      Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => inbox.close(r))]).then(() => undefined),
  }
}

module.exports = { startDemoInbox, linksOf }
