import { DAY_MS, dueReminder, reminderDueDateWindow, reminderSteps, ReminderSchedule } from "../reminders"

const schedule: ReminderSchedule = {
  reminders_enabled: true,
  reminder_days_before: 3,
  reminder_on_due_date: true,
  reminder_every_days_after: 7,
  reminder_max: 3,
}

const DUE = "2026-06-15T00:00:00.000Z"
const at = (iso: string) => new Date(iso)
const plusDays = (iso: string, days: number, ms = 0) => new Date(new Date(iso).getTime() + days * DAY_MS + ms)
const invoice = (overrides: Record<string, unknown> = {}) => ({
  status: "sent",
  due_date: DUE,
  sent_at: "2026-06-01T09:00:00.000Z",
  total: 100,
  amount_paid: 0,
  ...overrides,
})
const stepAt = (now: Date, inv = invoice(), s = schedule) => dueReminder(inv, s, now)?.key ?? null

describe("reminderSteps", () => {
  it("lists before, due and each reminder after the due date, in time order", () => {
    expect(reminderSteps(schedule).map((s) => [s.key, s.offset_days])).toEqual([
      ["before-3", -3],
      ["due", 0],
      ["after-1", 7],
      ["after-2", 14],
      ["after-3", 21],
    ])
  })

  it("has no steps when reminders are off", () => {
    expect(reminderSteps({ ...schedule, reminders_enabled: false })).toEqual([])
  })

  it("leaves out the steps the owner set to 0 or off", () => {
    expect(reminderSteps({ ...schedule, reminder_days_before: 0, reminder_on_due_date: false }).map((s) => s.key)).toEqual([
      "after-1",
      "after-2",
      "after-3",
    ])
    expect(reminderSteps({ ...schedule, reminder_every_days_after: 0 }).map((s) => s.key)).toEqual(["before-3", "due"])
    expect(reminderSteps({ ...schedule, reminder_max: 0 }).map((s) => s.key)).toEqual(["before-3", "due"])
  })

  it("ignores out-of-range values rather than building a runaway schedule", () => {
    expect(reminderSteps({ ...schedule, reminder_max: 10_000 }).map((s) => s.key)).toEqual(["before-3", "due"])
    expect(reminderSteps({ ...schedule, reminder_days_before: -2 }).map((s) => s.key)[0]).toBe("due")
    expect(reminderSteps({ ...schedule, reminder_every_days_after: 1.5 }).map((s) => s.key)).toEqual(["before-3", "due"])
  })
})

describe("dueReminder", () => {
  it("is none before the first step and the first step from its moment on", () => {
    expect(stepAt(plusDays(DUE, -3, -1))).toBeNull()
    expect(stepAt(plusDays(DUE, -3))).toBe("before-3")
    expect(stepAt(plusDays(DUE, -1))).toBe("before-3")
  })

  it("is the due-date step from the due moment until the first reminder after", () => {
    expect(stepAt(plusDays(DUE, 0, -1))).toBe("before-3")
    expect(stepAt(at(DUE))).toBe("due")
    expect(stepAt(plusDays(DUE, 7, -1))).toBe("due")
    expect(stepAt(plusDays(DUE, 7))).toBe("after-1")
  })

  it("moves to the next reminder every 7 days, and stops after at most N", () => {
    expect(stepAt(plusDays(DUE, 13))).toBe("after-1")
    expect(stepAt(plusDays(DUE, 14))).toBe("after-2")
    expect(stepAt(plusDays(DUE, 21))).toBe("after-3")
    expect(stepAt(plusDays(DUE, 28, -1))).toBe("after-3")
    expect(stepAt(plusDays(DUE, 28))).toBeNull()
    expect(stepAt(plusDays(DUE, 400))).toBeNull()
  })

  it("sends only the current step when earlier ones were missed (no burst of old reminders)", () => {
    // The job did not run for 15 days after the due date: only after-2 is due, not due or after-1.
    expect(stepAt(plusDays(DUE, 15))).toBe("after-2")
  })

  it("is none for an invoice that is paid, void, a draft, paid in full, or has no due date", () => {
    const now = plusDays(DUE, 1)
    expect(stepAt(now, invoice({ status: "paid" }))).toBeNull()
    expect(stepAt(now, invoice({ status: "void" }))).toBeNull()
    expect(stepAt(now, invoice({ status: "draft" }))).toBeNull()
    expect(stepAt(now, invoice({ amount_paid: 100 }))).toBeNull()
    expect(stepAt(now, invoice({ due_date: null }))).toBeNull()
  })

  it("still reminds of what is left after a part payment, exactly (decimal strings)", () => {
    expect(stepAt(plusDays(DUE, 1), invoice({ total: "100.10", amount_paid: "100.09" }))).toBe("due")
    expect(stepAt(plusDays(DUE, 1), invoice({ total: "0.3", amount_paid: "0.3" }))).toBeNull()
  })

  it("skips a step whose moment came before the invoice was sent", () => {
    // Sent two days before it is due: the 3-days-before reminder would repeat the invoice email.
    const late = invoice({ sent_at: plusDays(DUE, -2).toISOString() })
    expect(stepAt(plusDays(DUE, -1), late)).toBeNull()
    expect(stepAt(at(DUE), late)).toBe("due")
    // Sent already overdue: the due-date step is covered too, the next reminder is not.
    const overdue = invoice({ sent_at: plusDays(DUE, 3).toISOString() })
    expect(stepAt(plusDays(DUE, 4), overdue)).toBeNull()
    expect(stepAt(plusDays(DUE, 7), overdue)).toBe("after-1")
  })

  it("is none when reminders are off", () => {
    expect(stepAt(at(DUE), invoice(), { ...schedule, reminders_enabled: false })).toBeNull()
  })

  it("counts days as 24 hours from the due instant, so a DST change moves no reminder", () => {
    // Due at midnight in Berlin on the Sunday summer time starts (23:00 UTC the day before).
    const berlinDue = "2026-03-28T23:00:00.000Z"
    const inv = invoice({ due_date: berlinDue, sent_at: "2026-03-01T00:00:00.000Z" })
    expect(stepAt(new Date(Date.parse(berlinDue) - 72 * 3600_000 - 1), inv)).toBeNull()
    expect(stepAt(new Date(Date.parse(berlinDue) - 72 * 3600_000), inv)).toBe("before-3")
    // New York's autumn change (1 November 2026) falls within the first week overdue.
    const nyDue = "2026-10-30T04:00:00.000Z"
    const ny = invoice({ due_date: nyDue, sent_at: "2026-10-01T00:00:00.000Z" })
    expect(stepAt(new Date(Date.parse(nyDue) + 7 * 24 * 3600_000 - 1), ny)).toBe("due")
    expect(stepAt(new Date(Date.parse(nyDue) + 7 * 24 * 3600_000), ny)).toBe("after-1")
  })

  it("reads a due date given with an offset as the same instant", () => {
    const inv = invoice({ due_date: "2026-06-15T02:00:00+02:00" })
    expect(stepAt(at("2026-06-15T00:00:00.000Z"), inv)).toBe("due")
    expect(stepAt(at("2026-06-14T23:59:59.999Z"), inv)).toBe("before-3")
  })
})

describe("reminderDueDateWindow", () => {
  it("covers exactly the due dates for which some step can be due now", () => {
    const now = at("2026-06-15T00:00:00.000Z")
    const window = reminderDueDateWindow(schedule, now)!
    expect(window.to.toISOString()).toBe(plusDays("2026-06-15T00:00:00.000Z", 3).toISOString())
    expect(window.from.toISOString()).toBe(plusDays("2026-06-15T00:00:00.000Z", -28).toISOString())
    // Every due date in the window that has a step due is inside; just outside, nothing is due.
    for (const offset of [-28, -27, -10, 0, 3]) {
      const due = plusDays("2026-06-15T00:00:00.000Z", offset).toISOString()
      const inside = due >= window.from.toISOString() && due <= window.to.toISOString()
      expect(inside).toBe(true)
    }
    expect(stepAt(now, invoice({ due_date: plusDays("2026-06-15T00:00:00.000Z", 3, 1).toISOString() }))).toBeNull()
    expect(stepAt(now, invoice({ due_date: plusDays("2026-06-15T00:00:00.000Z", -28).toISOString(), sent_at: null }))).toBeNull()
  })

  it("is none when reminders are off", () => {
    expect(reminderDueDateWindow({ ...schedule, reminders_enabled: false }, new Date())).toBeNull()
  })
})
