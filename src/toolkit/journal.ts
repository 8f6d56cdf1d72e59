import { checkInput } from '../internal/input-validation.js'
import { nestsDeeperThan } from '../internal/json-depth.js'
import { setOwnProperty } from '../internal/own-property.js'
import { castParam, type RouteParams } from '../pipeline/endpoint.js'
import type { Principal } from '../pipeline/principal.js'
import type { EndpointName } from '../resources/index.js'
import { SECRET_FIELD_NAMES } from '../resources/integrations/catalogue.js'
import { JournalQuerySchema, type JournalQuery } from './journal-schemas.js'

export type { JournalQuery }

/** Most entries the journal keeps; older ones are dropped first, so long runs stay bounded. */
export const JOURNAL_MAX_ENTRIES = 10_000

/**
 * One request the fake handled. Secrets are masked: `key_value` and `token` in responses (see
 * `maskSecret`); in request bodies, `password`, `password_confirmation` and every field an
 * integration type marks secret (`api_key`, `access_token`, …) that holds text.
 */
export interface JournalEntry {
  /** 1, 2, 3… in the order requests finished. */
  seq: number
  endpoint: EndpointName
  method: string
  /** The request path, e.g. `/api/v1/api_keys/5`. */
  path: string
  /**
   * The path parameters, each as the lookup casts it (`/api_keys/01` → `{ keyId: 1 }`, `/agents/0123`
   * → `{ agentId: '123' }`); `null` for one that casts to no record. Empty for an unknown route.
   */
  params: Record<string, string | number | null>
  /** `params.keyId`, or `null`: kept through 0.x as an alias. */
  keyId: number | null
  /** `params.agentId`, or `null`: kept through 0.x as an alias. */
  agentId: string | null
  /**
   * The parsed JSON request body, passwords and integration secrets masked (`********`); the raw
   * text if it was not JSON (or nested deeper than `JOURNAL_MAX_BODY_DEPTH`), or a `[withheld: …]`
   * note if that text mentions a password or gives a secret field text; `null` if there was none.
   */
  body: unknown
  /** The authenticated user, or `null` when the request did not authenticate. */
  userId: number | null
  /** What the caller authenticated with (the acting credential), or `null`. */
  credential: 'private-key' | 'public-key' | 'jwt' | null
  status: number
  /**
   * The response body as sent, with `key_value` and `token` masked; for a HEAD, the body its GET
   * would have sent (the wire carried none). `null` for an injected network error.
   */
  response: unknown
  /** When the request arrived, by the mock's clock (the `now` option; ISO 8601, milliseconds). */
  time: string
  durationMs: number
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

/** A data item with its `key_value` masked, if it holds one. */
function maskItem(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item
  const keyValue = (item as { key_value?: unknown }).key_value
  return typeof keyValue === 'string' ? { ...item, key_value: maskSecret(keyValue) } : item
}

/** A response body with its secrets masked: `key_value` in `data` (one item or a list), and `token`. */
function maskResponse(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body
  const { data, token } = body as { data?: unknown; token?: unknown }
  const masked: Record<string, unknown> = { ...body }
  if (Array.isArray(data)) masked['data'] = data.map(maskItem)
  else if (data !== undefined) masked['data'] = maskItem(data)
  if (typeof token === 'string') masked['token'] = maskSecret(token)
  return masked
}

/**
 * Request-body fields that hold a secret, masked wherever they hold text or a number: passwords,
 * and the fields integration types mark secret (`config.api_key`, `access_token`, …). By name, so
 * the `{"api_key": {...}}` wrapper of an API-key body (an object) is kept.
 */
const SECRET_BODY_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'password_confirmation',
  ...SECRET_FIELD_NAMES,
])

/** What the journal keeps of a request body it could not parse and that mentions a password. */
export const JOURNAL_WITHHELD_BODY = '[withheld: an unparsed body that mentions a password]'

/** What it keeps of one that gives a secret field text or a number (`"api_key": "…`). */
const JOURNAL_WITHHELD_SECRET_BODY = '[withheld: an unparsed body that holds a secret]'

/** A secret field followed by text or a number, in JSON that did not parse. */
const SECRET_TEXT = new RegExp(`"(?:${[...SECRET_FIELD_NAMES].join('|')})"\\s*:\\s*["\\d-]`, 'i')

/** A secret a body gives as text or a number (an object there is a wrapper, as `api_key`'s). */
function isScalarSecret(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number'
}

/** A parsed request body with every secret field masked (it nests at most `JOURNAL_MAX_BODY_DEPTH`). */
function maskSecrets(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(maskSecrets)
  const masked: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(value)) {
    const copy =
      SECRET_BODY_FIELDS.has(name) && isScalarSecret(field) ? '********' : maskSecrets(field)
    setOwnProperty(masked, name, copy)
  }
  return masked
}

/**
 * One request as the journal keeps it: primitives and text only. @note Entries are materialized
 * (bodies parsed, secrets masked) when read, which tests do rarely; keeping every response's
 * object tree alive instead cost the demo server a garbage collection per few hundred requests.
 */
export interface JournalRecord {
  /** Set by the journal when it keeps the record; written as `0` so every record has one shape. */
  seq: number
  endpoint: EndpointName
  method: string
  path: string
  /** The path parameters as sent, and how each is cast (cast when an entry is read). */
  params: RouteParams
  /** The request body's bytes, if any. */
  body: Uint8Array | undefined
  userId: number | null
  credential: JournalEntry['credential']
  status: number
  /** The response body as sent; `null` for an injected network error. */
  responseText: string | null
  /** Epoch milliseconds, by the mock's clock. */
  time: number
  durationMs: number
}

function matches(entry: JournalRecord, query: JournalQuery): boolean {
  return (
    (query.endpoint === undefined || entry.endpoint === query.endpoint) &&
    (query.method === undefined || entry.method === query.method.toUpperCase()) &&
    (query.userId === undefined || entry.userId === query.userId) &&
    (query.keyId === undefined || castParam(entry.params, 'keyId') === query.keyId) &&
    (query.agentId === undefined || castParam(entry.params, 'agentId') === query.agentId) &&
    (query.status === undefined || entry.status === query.status)
  )
}

const decoder = new TextDecoder()

/** Every path parameter as the lookup casts it; `null` for one that names no record. */
function castAll(params: RouteParams): Record<string, string | number | null> {
  const cast: Record<string, string | number | null> = {}
  for (const name of Object.keys(params.raw)) cast[name] = castParam(params, name) ?? null
  return cast
}

/**
 * A 0.x alias of a path parameter (`keyId`, `agentId`): the parameter when it is of its type,
 * else `null`.
 */
function aliasOf<Kind extends 'number' | 'string'>(
  params: Readonly<Record<string, string | number | null>>,
  name: string,
  kind: Kind,
): (Kind extends 'number' ? number : string) | null {
  const value = params[name]
  return typeof value === kind ? (value as Kind extends 'number' ? number : string) : null
}

function materialize(kept: JournalRecord): JournalEntry {
  const params = castAll(kept.params)
  return {
    seq: kept.seq,
    endpoint: kept.endpoint,
    method: kept.method,
    path: kept.path,
    params,
    keyId: aliasOf(params, 'keyId', 'number'),
    agentId: aliasOf(params, 'agentId', 'string'),
    body: kept.body === undefined ? null : readBody(decoder.decode(kept.body)),
    userId: kept.userId,
    credential: kept.credential,
    status: kept.status,
    response: kept.responseText === null ? null : maskResponse(JSON.parse(kept.responseText)),
    time: new Date(kept.time).toISOString(),
    durationMs: kept.durationMs,
  }
}

export interface Journal extends RequestJournal {
  add(record: JournalRecord): void
}

/** A query as `matches` reads it: checked, every field known and well formed. */
function checkQuery(query: unknown): JournalQuery {
  // @note zod types an absent field as `undefined`; parsed from a plain object, it stays absent.
  return (checkInput(JournalQuerySchema, query, 'Failed to query the journal', 'query') ??
    {}) as JournalQuery
}

/** The journal of a mock created with `journal: false` or `maxEntries: 0`: it keeps nothing. */
const NO_JOURNAL: Journal = {
  add() {},
  entries(query) {
    checkQuery(query)
    return []
  },
  count(query) {
    checkQuery(query)
    return 0
  },
  last(query) {
    checkQuery(query)
    return undefined
  },
  clear() {},
}

/**
 * A journal of the last `maxEntries` requests (a whole number, checked with the options); `0`
 * keeps none, the same as `journal: false`. Every query is checked: an unknown field or a bad
 * value throws a `TypeError` naming it, rather than matching nothing.
 */
export function createJournal(maxEntries: number = JOURNAL_MAX_ENTRIES): Journal {
  if (maxEntries === 0) return NO_JOURNAL
  let entries: JournalRecord[] = []
  let seq = 0
  const kept = (): JournalRecord[] =>
    entries.length > maxEntries ? entries.slice(-maxEntries) : entries
  return {
    add(record) {
      record.seq = ++seq
      entries.push(record)
      // @note Trim in batches so a long run pays O(1) per request, not a copy of the journal.
      if (entries.length >= maxEntries * 2) entries = entries.slice(-maxEntries)
    },
    entries(query) {
      const checked = checkQuery(query)
      return kept()
        .filter((entry) => matches(entry, checked))
        .map(materialize)
    },
    count(query) {
      const checked = checkQuery(query)
      return kept().reduce((total, entry) => total + (matches(entry, checked) ? 1 : 0), 0)
    },
    last(query) {
      const checked = checkQuery(query)
      for (let i = entries.length - 1; i >= Math.max(0, entries.length - maxEntries); i--) {
        const entry = entries[i] as JournalRecord
        if (matches(entry, checked)) return materialize(entry)
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
 * Deepest JSON nesting the journal keeps parsed. A deeper body is kept as its text: whoever reads
 * the entry (`JSON.stringify`, `expect().toEqual`) recurses through it and would overflow the stack.
 */
export const JOURNAL_MAX_BODY_DEPTH = 256

/** A request body as an entry shows it: parsed with secrets masked, or text without any secret. */
function readBody(text: string): unknown {
  const body = parseLoose(text)
  if (typeof body !== 'string') return maskSecrets(body)
  if (/password/i.test(body)) return JOURNAL_WITHHELD_BODY
  return SECRET_TEXT.test(body) ? JOURNAL_WITHHELD_SECRET_BODY : body
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

/** What the credential of a request was, as the journal records it. */
export function toCredential(principal: Principal | undefined): JournalEntry['credential'] {
  if (principal === undefined) return null
  return principal.keyType === 'jwt' ? 'jwt' : `${principal.keyType}-key`
}
