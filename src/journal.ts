import type { EndpointName } from './endpoints/table.js'
import { parseKeyId } from './internal/key-id.js'
import type { Principal } from './store.js'

/** Most entries the journal keeps; older ones are dropped first, so long runs stay bounded. */
export const JOURNAL_MAX_ENTRIES = 10_000

/** One request the fake handled. Secrets are masked: see `maskSecret`. */
export interface JournalEntry {
  /** 1, 2, 3… in the order requests finished. */
  seq: number
  endpoint: EndpointName
  method: string
  /** The request path, e.g. `/api/v1/api_keys/5`. */
  path: string
  /** The `{id}` path parameter as a number, when it is a valid id; else `null`. */
  keyId: number | null
  /** The parsed JSON request body; the raw text if it was not JSON (or nested deeper than `JOURNAL_MAX_BODY_DEPTH`); `null` if there was none. */
  body: unknown
  /** The authenticated user, or `null` when the request did not authenticate. */
  userId: number | null
  /** What the caller authenticated with (the acting credential), or `null`. */
  credential: 'private-key' | 'public-key' | 'jwt' | null
  status: number
  /** The response body as sent, with `key_value` masked. `null` for an injected network error. */
  response: unknown
  /** When the request arrived, by the mock's clock (the `now` option; ISO 8601, milliseconds). */
  time: string
  durationMs: number
}

/** Filters for `entries`, `count` and `last`; every field given must match. */
export interface JournalQuery {
  endpoint?: EndpointName
  method?: string
  userId?: number | null
  keyId?: number
  status?: number
}

export interface RequestJournal {
  entries(query?: JournalQuery): JournalEntry[]
  count(query?: JournalQuery): number
  last(query?: JournalQuery): JournalEntry | undefined
  clear(): void
}

/** `sk_live_abc123xyz789` → `sk_live_********`: the prefix says what it was, the rest is hidden. */
export function maskSecret(secret: string): string {
  const prefix = /^[a-z]+_(?:live|test)_/i.exec(secret)?.[0] ?? ''
  return `${prefix}********`
}

function maskKeyValues(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body
  const data = (body as { data?: unknown }).data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return body
  const keyValue = (data as { key_value?: unknown }).key_value
  if (typeof keyValue !== 'string') return body
  return { ...body, data: { ...data, key_value: maskSecret(keyValue) } }
}

function matches(entry: JournalEntry, query: JournalQuery): boolean {
  return (
    (query.endpoint === undefined || entry.endpoint === query.endpoint) &&
    (query.method === undefined || entry.method === query.method.toUpperCase()) &&
    (query.userId === undefined || entry.userId === query.userId) &&
    (query.keyId === undefined || entry.keyId === query.keyId) &&
    (query.status === undefined || entry.status === query.status)
  )
}

export interface Journal extends RequestJournal {
  add(entry: Omit<JournalEntry, 'seq'>): void
}

export function createJournal(maxEntries: number = JOURNAL_MAX_ENTRIES): Journal {
  let entries: JournalEntry[] = []
  let seq = 0
  const kept = (): JournalEntry[] => (entries.length > maxEntries ? entries.slice(-maxEntries) : entries)
  return {
    add(entry) {
      entries.push({ ...entry, seq: ++seq, response: maskKeyValues(entry.response) })
      // @note Trim in batches so a long run pays O(1) per request, not a copy of the journal.
      if (entries.length >= maxEntries * 2) entries = entries.slice(-maxEntries)
    },
    entries: (query = {}) => kept().filter((entry) => matches(entry, query)).map((entry) => structuredClone(entry)),
    count: (query = {}) => kept().reduce((total, entry) => total + (matches(entry, query) ? 1 : 0), 0),
    last(query = {}) {
      for (let i = entries.length - 1; i >= Math.max(0, entries.length - maxEntries); i--) {
        const entry = entries[i] as JournalEntry
        if (matches(entry, query)) return structuredClone(entry)
      }
      return undefined
    },
    clear() {
      entries = []
      seq = 0
    },
  }
}


/**
 * Deepest JSON nesting the journal keeps parsed. A deeper body is kept as its text: copying it
 * (`structuredClone`, on every read) would overflow the stack and break `entries()`.
 */
export const JOURNAL_MAX_BODY_DEPTH = 256

/** True when the JSON text nests arrays/objects deeper than `limit` (strings are skipped). */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c) i++
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > limit) return true
    } else if (char === 0x5d || char === 0x7d) depth--
  }
  return false
}

function parseLoose(text: string): unknown {
  if (text === '') return null
  if (nestsDeeperThan(text, JOURNAL_MAX_BODY_DEPTH)) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** One request as the core handled it: what the journal records. */
export interface HandledRequest {
  endpoint: EndpointName
  method: string
  /** The request path without its query. */
  path: string
  params: Readonly<Record<string, string>>
  principal: Principal | undefined
  /** The request body's bytes, if any. */
  body: Uint8Array | undefined
  /** `0` for an injected network error. */
  status: number
  /** `null` for an injected network error. */
  response: unknown
  /** When the request arrived, epoch milliseconds. */
  startedAt: number
  durationMs: number
}

const decoder = new TextDecoder()

/** The journal's record of a handled request. */
export function toJournalEntry(handled: HandledRequest): Omit<JournalEntry, 'seq'> {
  const { principal } = handled
  return {
    endpoint: handled.endpoint,
    method: handled.method,
    path: handled.path,
    keyId: parseKeyId(handled.params['keyId']) ?? null,
    body: handled.body === undefined ? null : parseLoose(decoder.decode(handled.body)),
    userId: principal?.user.id ?? null,
    credential: principal === undefined ? null : principal.keyType === 'jwt' ? 'jwt' : `${principal.keyType}-key`,
    status: handled.status,
    response: handled.response,
    time: new Date(handled.startedAt).toISOString(),
    durationMs: handled.durationMs,
  }
}
