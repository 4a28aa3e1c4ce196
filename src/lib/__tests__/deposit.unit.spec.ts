import { depositAmount, depositDue, parseDepositSetting } from "../deposit"

const estimate = (over: Record<string, unknown> = {}) => ({
  total: 59.97,
  currency_code: "eur",
  status: "accepted",
  invoice_id: null,
  deposit_paid: 0,
  deposit_type: "percent",
  deposit_value: 25,
  ...over,
})

describe("depositAmount", () => {
  it("takes a percentage of the total, rounded half up to the currency", () => {
    // 59.97 × 25 % = 14.9925 → 14.99; 59.97 × 50 % = 29.985 → 29.99
    expect(depositAmount(estimate()).numeric).toBe(14.99)
    expect(depositAmount(estimate({ deposit_value: 50 })).numeric).toBe(29.99)
    expect(depositAmount(estimate({ deposit_value: 33.33, total: 1000, currency_code: "jpy" })).numeric).toBe(333)
  })

  it("takes a fixed amount as it is, and never more than the total", () => {
    expect(depositAmount(estimate({ deposit_type: "amount", deposit_value: 20 })).numeric).toBe(20)
    expect(depositAmount(estimate({ deposit_type: "amount", deposit_value: 80 })).numeric).toBe(59.97)
    expect(depositAmount(estimate({ deposit_value: 100 })).numeric).toBe(59.97)
  })

  it("is zero without a deposit", () => {
    expect(depositAmount(estimate({ deposit_type: null, deposit_value: null })).numeric).toBe(0)
    expect(depositAmount(estimate({ deposit_value: null })).numeric).toBe(0)
  })
})

describe("depositDue", () => {
  it("is the deposit less what was paid, once the estimate is accepted and until it is converted", () => {
    expect(depositDue(estimate()).numeric).toBe(14.99)
    expect(depositDue(estimate({ deposit_paid: 14.99 })).numeric).toBe(0)
    expect(depositDue(estimate({ deposit_paid: 20 })).numeric).toBe(0)
    expect(depositDue(estimate({ status: "sent" })).numeric).toBe(0)
    expect(depositDue(estimate({ status: "rejected" })).numeric).toBe(0)
    expect(depositDue(estimate({ invoice_id: "inv_1" })).numeric).toBe(0)
  })
})

describe("parseDepositSetting", () => {
  const total = { total: 59.97, currency_code: "eur" }

  it("accepts a percentage up to 100 and an amount up to the total", () => {
    expect(parseDepositSetting({ type: "percent", value: 25 }, total)).toEqual({ deposit_type: "percent", deposit_value: "25" })
    expect(parseDepositSetting({ type: "percent", value: "100" }, total)).toEqual({ deposit_type: "percent", deposit_value: "100" })
    expect(parseDepositSetting({ type: "amount", value: "59.97" }, total)).toEqual({ deposit_type: "amount", deposit_value: "59.97" })
    expect(parseDepositSetting({ type: null }, total)).toEqual({ deposit_type: null, deposit_value: null })
  })

  it.each([
    [{ type: "percent", value: 0 }, "value must be greater than 0"],
    [{ type: "percent", value: 100.01 }, "value must be at most 100"],
    [{ type: "percent", value: "12.345" }, "more than 2 decimal places"],
    [{ type: "amount", value: 60 }, "more than the estimate's total of 59.97 EUR"],
    [{ type: "amount", value: "1.001" }, "more than 2 decimal places"],
    [{ type: "amount", value: "abc" }, "value must be a number"],
    [{ type: "amount" }, "value must be a number"],
    [{ type: "half" }, 'type must be "percent", "amount" or null'],
  ])("refuses %j", (input, message) => {
    expect(() => parseDepositSetting(input as never, total)).toThrow(message)
  })
})
