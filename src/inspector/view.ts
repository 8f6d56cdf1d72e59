/** How the inspector words and filters what it shows: pure functions, tested beside. */
import type { JournalEntry } from '../toolkit/journal.js'

/** A status as the filter groups it; `0` is an injected network error. */
export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'network'

export const STATUS_CLASSES: readonly { value: StatusClass; label: string }[] = [
  { value: '2xx', label: '2xx success' },
  { value: '3xx', label: '3xx redirect' },
  { value: '4xx', label: '4xx client error' },
  { value: '5xx', label: '5xx server error' },
  { value: 'network', label: 'Network error' },
]

export function statusClassOf(status: number): StatusClass {
  if (status === 0) return 'network'
  return `${Math.min(5, Math.max(2, Math.floor(status / 100)))}xx` as StatusClass
}

/** The filters of the Requests table; `''` lets every request through. */
export interface RequestFilters {
  endpoint: string
  statusClass: StatusClass | ''
  /** A user id, `'anonymous'` for requests without a caller, or `''`. */
  user: string
}

export const NO_FILTERS: RequestFilters = { endpoint: '', statusClass: '', user: '' }

export function matchesFilters(entry: JournalEntry, filters: RequestFilters): boolean {
  if (filters.endpoint !== '' && entry.endpoint !== filters.endpoint) return false
  if (filters.statusClass !== '' && statusClassOf(entry.status) !== filters.statusClass)
    return false
  if (filters.user === 'anonymous') return entry.userId === null
  return filters.user === '' || String(entry.userId) === filters.user
}

/** `14:03:07.215`, in the page's time zone. */
export function formatTime(iso: string): string {
  const time = new Date(iso)
  const two = (value: number): string => String(value).padStart(2, '0')
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}.${String(time.getMilliseconds()).padStart(3, '0')}`
}

/** `0.4 ms`, `12 ms`, `1.25 s`. */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(2)} s`
}

const CREDENTIALS: Readonly<Record<string, string>> = {
  'private-key': 'private key',
  'public-key': 'public key',
  jwt: 'JWT',
}

export function credentialLabel(credential: JournalEntry['credential']): string {
  return credential === null ? 'none' : (CREDENTIALS[credential] ?? credential)
}

/** Longest text a data cell shows before it is cut (the whole value is its tooltip). */
const CELL_MAX = 48

/**
 * A stored value as one table cell: text as it is, lists joined, objects as compact JSON, and
 * nothing (a field this record lacks and another has) as an empty cell.
 */
export function cellText(value: unknown): { text: string; full: string } {
  const full =
    typeof value === 'string'
      ? value
      : value === undefined
        ? ''
        : Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)
          ? value.join(', ')
          : JSON.stringify(value)
  return { text: full.length > CELL_MAX ? `${full.slice(0, CELL_MAX - 1)}…` : full, full }
}

/**
 * The columns of a user's records: every field, in the records' order, but those that only
 * repeat the owner (every value is the user's id or email).
 */
export function columnsOf(records: readonly Record<string, unknown>[], owner: unknown[]): string[] {
  const columns: string[] = []
  for (const record of records)
    for (const key of Object.keys(record)) if (!columns.includes(key)) columns.push(key)
  return columns.filter((key) => !records.every((record) => owner.includes(record[key])))
}

/** A stored field as text: text as it is, anything else as JSON, nothing as `''`. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)
}

/** `1 API key`, `3 agents`. */
export function countOf(count: number, label: string): string {
  return `${count} ${count === 1 ? label : `${label}s`}`
}
