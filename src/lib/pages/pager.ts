/**
 * The pager under a portal list, computed here rather than in the template: nunjucks has no
 * min / max filters (calling them made every list past one page a 500), and links must carry
 * the filter and page size the customer chose.
 */
export type Pager = {
  /** 1-based positions of the first and last row shown; 0 when the page is empty. */
  from: number
  to: number
  count: number
  previous_url: string | null
  next_url: string | null
  /** The offset is beyond the last row: the page says so and links back to the last page. */
  past_end: boolean
}

export type PagerInput = {
  path: string
  count: number
  limit: number
  offset: number
  defaultLimit: number
  /** Kept on every link (e.g. the status filter); empty values are left out. */
  params?: Record<string, string | undefined>
}

export function buildPager({ path, count, limit, offset, defaultLimit, params = {} }: PagerInput): Pager | null {
  const url = (at: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) {
      if (value) {
        search.set(key, value)
      }
    }
    if (limit !== defaultLimit) {
      search.set("limit", String(limit))
    }
    if (at > 0) {
      search.set("offset", String(at))
    }
    const query = search.toString()
    return query ? `${path}?${query}` : path
  }

  const pastEnd = offset > 0 && offset >= count
  if (count <= limit && !pastEnd) {
    return null
  }
  const lastPageOffset = count > 0 ? Math.floor((count - 1) / limit) * limit : 0
  return {
    from: pastEnd ? 0 : offset + 1,
    to: pastEnd ? 0 : Math.min(offset + limit, count),
    count,
    previous_url: pastEnd ? url(lastPageOffset) : offset > 0 ? url(Math.max(offset - limit, 0)) : null,
    next_url: !pastEnd && offset + limit < count ? url(offset + limit) : null,
    past_end: pastEnd,
  }
}
