/**
 * The status badge's colour per display status, so Paid, Unpaid and Overdue read apart at a
 * glance (and in greyscale, by lightness): green done, blue waiting, red late or refused, grey
 * void or draft. The text on each is white (contrast ≥ 4.5:1).
 */
const STATUS_COLORS: Record<string, string> = {
  paid: "#15803d",
  accepted: "#15803d",
  unpaid: "#1d4ed8",
  partially_paid: "#1d4ed8",
  sent: "#1d4ed8",
  pending: "#1d4ed8",
  overdue: "#b91c1c",
  rejected: "#b91c1c",
  void: "#4b5563",
  draft: "#4b5563",
}

/** The badge's fill and text colour; an unknown status keeps the brand's accent. */
export function statusBadgeColors(status: string | null | undefined, accent: { fill: string; text: string }) {
  const fill = status ? STATUS_COLORS[status] : undefined
  return fill ? { fill, text: "#ffffff" } : accent
}
