import {
  accentOnLight,
  accentPalette,
  contrastRatio,
  DEFAULT_ACCENT_COLOR,
  MIN_TEXT_CONTRAST,
  normalizeAccent,
  relativeLuminance,
  textOnAccent,
} from "../accent"

describe("WCAG contrast", () => {
  it("computes the reference luminances and ratios", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 5)
    expect(relativeLuminance("#000000")).toBe(0)
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5)
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5)
    expect(contrastRatio("#777777", "#777777")).toBe(1)
    // Well-known pairs: #767676 on white is the lightest grey that passes AA.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2)
    expect(contrastRatio("#2563eb", "#ffffff")).toBeCloseTo(5.17, 2)
  })
})

describe("textOnAccent", () => {
  it("keeps white on the default blue and on dark accents", () => {
    expect(textOnAccent(DEFAULT_ACCENT_COLOR)).toBe("#ffffff")
    expect(textOnAccent("#1e3a8a")).toBe("#ffffff")
    expect(textOnAccent("#0f766e")).toBe("#ffffff")
  })

  it("uses dark ink on light accents (a yellow Pay Now stays readable)", () => {
    expect(textOnAccent("#fde047")).toBe("#111827")
    expect(textOnAccent("#ffffff")).toBe("#111827")
    expect(textOnAccent("#a3e635")).toBe("#111827")
  })

  it("reaches 4.5:1 on every accent, mid tones included", () => {
    const samples = ["#ff0000", "#f97316", "#10b981", "#e11d48", "#808080", "#7c7c7c", "#3b82f6", "#fde047", "#000000", "#ffffff"]
    for (let i = 0; i < 4096; i++) {
      // Every 16th step of each channel: 4096 colours across the cube.
      samples.push(`#${[i >> 8, (i >> 4) & 15, i & 15].map((n) => (n * 17).toString(16).padStart(2, "0")).join("")}`)
    }
    const failing = samples.filter((accent) => contrastRatio(accent, textOnAccent(accent)) < MIN_TEXT_CONTRAST)
    expect(failing).toEqual([])
  })
})

describe("accentOnLight", () => {
  it("keeps an accent that already reads on the page", () => {
    expect(accentOnLight("#1e3a8a")).toBe("#1e3a8a")
    expect(accentOnLight("#0F766E")).toBe("#0f766e")
  })

  it("darkens a light accent, keeping its hue, until links on the page reach 4.5:1", () => {
    const ink = accentOnLight("#fde047")
    expect(ink).not.toBe("#fde047")
    expect(contrastRatio(ink, "#f9fafb")).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
    expect(contrastRatio(ink, "#ffffff")).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST)
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(ink.slice(i, i + 2), 16))
    expect(r).toBeGreaterThan(b) // still a yellow-brown, not grey
    expect(g).toBeGreaterThan(b)
  })

  it("reaches 4.5:1 on the page for every accent", () => {
    for (let i = 0; i < 4096; i++) {
      const accent = `#${[i >> 8, (i >> 4) & 15, i & 15].map((n) => (n * 17).toString(16).padStart(2, "0")).join("")}`
      expect({ accent, ok: contrastRatio(accentOnLight(accent), "#f9fafb") >= MIN_TEXT_CONTRAST }).toEqual({ accent, ok: true })
    }
  })
})

describe("accentPalette", () => {
  it("falls back to the default accent for anything but #rrggbb", () => {
    for (const value of [undefined, null, "", "red", "#fff", "#12345g", "url(x)", "#2563eb; color: red", 42]) {
      expect(normalizeAccent(value)).toBe(DEFAULT_ACCENT_COLOR)
    }
    expect(normalizeAccent(" #FDE047 ")).toBe("#fde047")
  })

  it("gives the fill, the text on it and the accent as text", () => {
    expect(accentPalette("#2563eb")).toEqual({ accent_color: "#2563eb", accent_text_color: "#ffffff", accent_ink_color: "#2563eb" })
    const light = accentPalette("#fde047")
    expect(light.accent_color).toBe("#fde047")
    expect(light.accent_text_color).toBe("#111827")
    expect(light.accent_ink_color).toBe(accentOnLight("#fde047"))
  })
})
