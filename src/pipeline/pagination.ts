/**
 * Paging of list endpoints: one page of an ordered list, and what the response says about the
 * rest. Every list that pages uses it, so pages behave alike across resources.
 */
import { decodeBase64Url, encodeBase64Url } from '../internal/base64url.js'

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

/**
 * The first index of `items` at which `isBefore` stops holding, by binary search: `items` must be
 * sorted so that every item it holds for comes first. O(log n), whatever the list's length.
 * @example partitionPoint([1, 3, 5, 7], (n) => n < 5) // 2
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (isBefore(items[middle] as T)) low = middle + 1
    else high = middle
  }
  return low
}

/** One page read by keyset, and whether any item past its last would match too. */
export interface KeysetPage<T> {
  data: T[]
  hasMore: boolean
}

/**
 * The page of `items` (sorted in ascending key order) read from the top down, newest first: from
 * `end` (exclusive) down to `start`, the first `size` items that `matches`, and whether one more
 * below them matches. It costs the items it walks, never the rest of the list: with `end` found
 * by `partitionPoint` from a cursor, a page of a million items costs what a page of a hundred does.
 * @example pageDownward([1, 2, 3, 4, 5], { start: 0, end: 4, size: 2 }) // { data: [4, 3], hasMore: true }
 */
export function pageDownward<T>(
  items: readonly T[],
  range: { start: number; end: number; size: number; matches?: (item: T) => boolean },
): KeysetPage<T> {
  const { start, size, matches } = range
  const data: T[] = []
  for (let i = range.end - 1; i >= start; i--) {
    const item = items[i] as T
    if (matches !== undefined && !matches(item)) continue
    if (data.length === size) return { data, hasMore: true }
    data.push(item)
  }
  return { data, hasMore: false }
}

/** A part of a cursor's key: the sort values of the last item of a page. */
export type CursorPart = string | number

function toBase64Url(text: string): string {
  return encodeBase64Url(new TextEncoder().encode(text))
}

function fromBase64Url(text: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64Url(text))
  } catch {
    return undefined
  }
}

/** Two 32-bit FNV-1a hashes (different primes) of `text`, as 16 hex digits: a checksum, not a MAC. */
function checksum(text: string): string {
  let a = 0x811c9dc5
  let b = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193)
    b = Math.imul(b ^ code, 0x5bd1e995)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/**
 * A cursor for keyset paging: the key of the last item of a page (its sort values), sealed to the
 * query it belongs to (`scope`: the caller and the filters), as opaque base64url text. Only
 * `decodeCursor` with the same scope reads it back; the seal is a checksum that catches a random,
 * truncated or edited cursor and one of another query, not a signature against forgery.
 * @example encodeCursor([1705314600, 'conv_abc123'], '1|agent 123') // 'WzE3MDUz…'
 */
export function encodeCursor(key: readonly CursorPart[], scope: string): string {
  const payload = JSON.stringify(key)
  return toBase64Url(JSON.stringify([...key, checksum(`${scope}\u0000${payload}`)]))
}

/**
 * The key `encodeCursor` sealed into `cursor` for this same `scope`, or `undefined` when the text
 * is not such a cursor: not base64url JSON, truncated, edited, or sealed to another scope. The
 * caller checks the key's parts are what its list sorts by.
 */
export function decodeCursor(cursor: string, scope: string): CursorPart[] | undefined {
  const text = fromBase64Url(cursor)
  let parsed: unknown
  try {
    parsed = text === undefined ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
  if (!Array.isArray(parsed) || parsed.length < 2) return undefined
  const key = parsed.slice(0, -1) as unknown[]
  if (!key.every((part) => typeof part === 'string' || typeof part === 'number')) return undefined
  const seal: unknown = parsed[parsed.length - 1]
  const parts = key as CursorPart[]
  return seal === checksum(`${scope}\u0000${JSON.stringify(parts)}`) ? parts : undefined
}
