import { signatureProblem } from "../../approval"
import { chosenPaymentAmount } from "../../partial-payment"
import { PortalProfileInput } from "../../profile-input"
import { whyNotStatementPeriod } from "../../statement"
import { PdfRendererBusyError } from "../../pdf/pool/pool"
import { localizeMessage } from "../error-messages"
import { CATALOGS, translator } from "../translate"

const en = translator("en")
const es = translator("es")

function leaves(tree: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value as Record<string, unknown>, `${prefix}${key}.`)
  )
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()
const thrown = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error("expected a refusal")
}

describe("refusals in the customer's language (localizeMessage)", () => {
  it("every error message has the same placeholders in every language", () => {
    const english = new Map(leaves(CATALOGS.en.error as Record<string, unknown>))
    for (const [key, spanish] of leaves(CATALOGS.es.error as Record<string, unknown>)) {
      expect([key, placeholders(spanish)]).toEqual([key, placeholders(english.get(key)!)])
    }
  })

  it("says the code's own refusals in Spanish, and leaves the English word for word", () => {
    const choices = { amount_due: 50, currency_code: "usd", partial: { minimum: 10, maximum: 50 } }
    const messages = [
      signatureProblem("accepted", { requires_name: true, terms: null }, {})!.message,
      signatureProblem("accepted", { requires_name: false, terms: "Terms" }, {})!.message,
      thrown(() => chosenPaymentAmount(choices, "lots")),
      thrown(() => chosenPaymentAmount(choices, "60")),
      thrown(() => chosenPaymentAmount(choices, "5")),
      thrown(() => chosenPaymentAmount({ ...choices, partial: null }, "20")),
      whyNotStatementPeriod({ from: "2026-03-02", to: "2026-03-01" }, new Date("2026-04-01"))!,
      ...PortalProfileInput.safeParse({ first_name: "", phone: "abc", city: "Madrid" }).error!.issues.map((i) => i.message),
      ...PortalProfileInput.safeParse({ first_name: "A".repeat(101), locale: "fr" }).error!.issues.map((i) => i.message),
    ]
    for (const message of messages) {
      expect(localizeMessage(message, en)).toBe(message)
      expect([message, localizeMessage(message, es)]).not.toEqual([message, message])
    }
    expect(localizeMessage(messages[0], es)).toBe("Escriba su nombre completo para aprobar este presupuesto.")
    expect(localizeMessage(messages[2], es)).toBe("El importe debe ser un número: indique un importe entre 10.00 USD y 50.00 USD")
  })

  it("translates Medusa's list of issues, the labels and status words inside a message", () => {
    const medusa = "Invalid request: Value for field 'first_name' too small, expected at least: '1'; Enter a phone number like +1 555 0100; note contains a control character (such as a NUL byte); remove it and try again"
    expect(localizeMessage(medusa, en)).toBe(medusa)
    expect(localizeMessage(medusa, es)).toBe(
      "Solicitud no válida: El valor del campo 'first_name' es demasiado corto o pequeño; como mínimo: '1'; Escriba un número de teléfono como +34 600 000 000; note contiene un carácter de control (como un byte NUL); quítelo e inténtelo de nuevo"
    )
    expect(localizeMessage("First name must be at most 100 characters", es)).toBe("Nombre: como máximo 100 caracteres")
    const decided = "Estimate EST-0004 was already accepted; the decision cannot be changed here. Please contact the business."
    expect(localizeMessage(decided, en)).toBe(decided)
    expect(localizeMessage(decided, es)).toBe("El presupuesto EST-0004 ya fue aceptado; la decisión no se puede cambiar aquí. Contacte con la empresa.")
  })

  it("says a deposit refusal in Spanish (the deposit steps' own English)", () => {
    const message = "Estimate EST-0007 has no deposit to pay"
    expect(localizeMessage(message, es)).toBe("El presupuesto EST-0007 no tiene anticipo que pagar")
    expect(localizeMessage(message, en)).toBe(message)
  })

  it("says the PDF pool's busy answer in Spanish (the pool's own English)", () => {
    for (const [seconds, spanish] of [
      [7, "Se están preparando demasiados PDF en este momento; vuelva a intentarlo en 7 segundos"],
      [1, "Se están preparando demasiados PDF en este momento; vuelva a intentarlo en 1 segundo"],
    ] as const) {
      const message = new PdfRendererBusyError(seconds).message
      expect(localizeMessage(message, es)).toBe(spanish)
      expect(localizeMessage(message, en)).toBe(message)
    }
  })

  it("keeps a refusal it does not know as it is", () => {
    expect(localizeMessage("Something only the owner reads", es)).toBe("Something only the owner reads")
    expect(localizeMessage("Invalid request: something new; Enter the city", es)).toBe("Solicitud no válida: something new; Escriba la ciudad")
    expect(localizeMessage("", es)).toBe("")
  })
})
