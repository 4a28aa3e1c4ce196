import { overCapturedAmount } from "../over-capture"

describe("overCapturedAmount", () => {
  it("is what the invoice could not take of the capture", () => {
    expect(overCapturedAmount({ captured: 59.97, recorded: 40, refunded: 0 }).numeric).toBe(19.97)
    expect(overCapturedAmount({ captured: 59.97, recorded: 0, refunded: 0 }).numeric).toBe(59.97)
  })

  it("is nothing once refunded, so a replayed capture refunds nothing more", () => {
    expect(overCapturedAmount({ captured: 59.97, recorded: 40, refunded: 19.97 }).numeric).toBe(0)
    expect(overCapturedAmount({ captured: 0.3, recorded: 0.1, refunded: 0.2 }).numeric).toBe(0)
  })
})
