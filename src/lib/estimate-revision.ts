import { MedusaError } from "@medusajs/framework/utils"

type Numbered = { display_number: string | null; revision: number }

/**
 * The number and version of a revised estimate (issue #14): the first estimate's number with
 * "-<version>": EST-0007 → EST-0007-2, EST-0007-2 → EST-0007-3. The chain's base number is the
 * original's number without its own "-<version>" suffix, so a prefix that itself ends in digits
 * (EST-2026-0007) is never cut short.
 */
export function nextRevision(original: Numbered): { display_number: string; revision: number } {
  const version = original.revision ?? 1
  if (!original.display_number) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only an estimate that was sent (and has a number) can be revised")
  }
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new Error(`An estimate's revision must be a positive integer, got ${version}`)
  }
  const suffix = version > 1 ? `-${version}` : ""
  if (!original.display_number.endsWith(suffix) || original.display_number.length <= suffix.length) {
    throw new Error(`Estimate ${original.display_number} is revision ${version} but its number does not end in "${suffix}"`)
  }
  const base = original.display_number.slice(0, original.display_number.length - suffix.length)
  return { display_number: `${base}-${version + 1}`, revision: version + 1 }
}

/**
 * Only the latest estimate of a chain can be revised: an estimate that already has a live
 * revision answers 409 naming it, so the history stays one line and two clicks cannot make two
 * copies.
 */
export function throwIfAlreadyRevised(
  original: { id: string; display_number: string | null },
  newer: { id: string; display_number: string | null } | null | undefined
) {
  if (newer) {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Estimate ${original.display_number ?? original.id} was already revised as ${newer.display_number ?? newer.id}; open that one instead (only the latest revision can be revised)`
    )
  }
}

/**
 * A revision is valid for as long as its original was (issued today, same number of days); an
 * original without an end date gives a revision without one. The owner can change it on the draft.
 */
export function revisedValidUntil(
  original: { issue_date: Date | string; valid_until: Date | string | null },
  issueDate: Date
): Date | null {
  if (!original.valid_until) {
    return null
  }
  const period = new Date(original.valid_until).getTime() - new Date(original.issue_date).getTime()
  return new Date(issueDate.getTime() + Math.max(0, period))
}
