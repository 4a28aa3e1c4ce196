import { prepareLines } from "../document-input"
import { PortalProfileInput } from "../profile-input"
import { jsonHasNul, textInput } from "../text-input"

describe("text input", () => {
  it("refuses control characters in single-line text, naming the field", () => {
    const name = textInput("City", { max: 10 })
    for (const bad of ["a\u0000", "a\u0007", "a\nb", "a\tb", "\u009b"]) {
      expect(name.safeParse(bad).error?.issues[0].message).toBe(
        "City contains a control character (such as a NUL byte); remove it and try again"
      )
    }
    expect(name.safeParse("Zürich").success).toBe(true)
    expect(name.safeParse("x".repeat(11)).error?.issues[0].message).toBe("City must be at most 10 characters")
  })

  it("keeps tab, line feed and carriage return in multi-line text, but never NUL", () => {
    const notes = textInput("notes", { max: 100, multiline: true })
    expect(notes.safeParse("one\r\n\ttwo").success).toBe(true)
    expect(notes.safeParse("one\u0000").success).toBe(false)
  })

  it("finds a NUL anywhere in JSON, keys included", () => {
    expect(jsonHasNul({ a: [1, { b: "x\u0000" }] })).toBe(true)
    expect(jsonHasNul({ "k\u0000": 1 })).toBe(true)
    expect(jsonHasNul({ a: ["fine", 2, null] })).toBe(false)
  })

  it("checks the profile's fields and the module's line titles the same way", () => {
    const profile = PortalProfileInput.safeParse({ first_name: "Ja\u0000ne" })
    expect(profile.error?.issues[0]).toMatchObject({ path: ["first_name"], message: expect.stringContaining("First name") })
    expect(() => prepareLines([{ title: "Pipe\u0000", quantity: 1, unit_price: 1 }], "eur")).toThrow(
      "lines[0].title contains a control character"
    )
  })
})
