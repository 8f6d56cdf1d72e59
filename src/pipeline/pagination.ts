/**
 * Paging of list endpoints: one page of an ordered list, and what the response says about the
 * rest. Every list that pages uses it, so pages behave alike across resources.
 */

/** One page, and where the next starts. */
export interface Page<T> {
  data: T[]
  /** How many items matched, across pages. */
  total: number
  hasMore: boolean
  /** The offset of the next page, or `null` on the last one. */
  nextOffset: number | null
}

/**
 * The page of `items` (already filtered and sorted) that starts at `offset` and holds at most
 * `size` items.
 * @example pageByOffset(['a', 'b', 'c'], 1, 1) // { data: ['b'], total: 3, hasMore: true, nextOffset: 2 }
 */
export function pageByOffset<T>(items: readonly T[], offset: number, size: number): Page<T> {
  const data = items.slice(offset, offset + size)
  const hasMore = offset + data.length < items.length
  return {
    data,
    total: items.length,
    hasMore,
    nextOffset: hasMore ? offset + data.length : null,
  }
}
