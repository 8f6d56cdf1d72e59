/**
 * One workload of exactly 1,000 mixed requests, sent all at once, and the checks that the store
 * came out consistent: no lost or duplicated keys, ids contiguous, every contended delete won
 * exactly once, rate-limit counters exact, journal complete. The same workload runs through msw
 * (concurrency.test.ts) and through the demo server over loopback (test/server/concurrency.test.ts).
 */
import { expect } from 'vitest'
import {
  ERROR_MESSAGES,
  SUCCESS_MESSAGES,
  type ApiKey,
  type Snapshot,
  type VoiceableMock,
} from 'voiceable-mock'
import { CreateApiKeyResponseSchema, ListApiKeysResponseSchema } from 'voiceable-mock/schemas'
import { errorBody, NOT_FOUND_BODY, stamp } from './model.js'

export const WORKLOAD_SIZE = 1000
/** The rate limit the mock under load must be created with: only the flooding user exceeds it. */
export const WORKLOAD_RATE_LIMIT = { limit: 200, windowSeconds: 3600 } as const
/** The clock: data is set up at `SETUP_TIME`, the load runs at `LOAD_TIME`. */
export const SETUP_TIME = Date.parse('2024-03-01T09:00:00Z')
export const LOAD_TIME = SETUP_TIME + 3_600_000

const WORKERS = [1, 2, 3, 4, 5] as const
const FLOOD_REQUESTS = 250

type Kind =
  | 'create'
  | 'update'
  | 'delete'
  | 'get-own'
  | 'get-foreign'
  | 'list'
  | 'flood'
  | 'bad-credentials'
  | 'unknown-route'

export interface PlannedRequest {
  kind: Kind
  method: string
  /** Below the base URL, e.g. `/api_keys/5`. */
  path: string
  headers: [string, string][]
  body?: string
  /** The caller, for creates, lists and floods. */
  userId?: number
  keyId?: number
  /** What a create, an update or a bad credential expects. */
  name?: string
  reason?: string
  update?: { name: string; allowed_origins: string[]; allowed_assistants: string[] }
}

export interface Outcome {
  status: number
  headers: Headers
  text: string
}

/** Shuffles with a fixed seed (mulberry32), so a failing order can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}

export interface Workload {
  requests: PlannedRequest[]
  /** Checks every outcome (in the order of `requests`) and the store afterwards. */
  verify(outcomes: Outcome[]): void
  /** Every secret and token the workload used or created: none may leak into a log. */
  secrets(): string[]
}

/**
 * Sets up users, keys and tokens directly in the store (at `SETUP_TIME`), then plans the
 * requests. The mock must have been created with scenario `empty`, `WORKLOAD_RATE_LIMIT` and a
 * clock the caller moves to `LOAD_TIME` before sending.
 */
export async function buildWorkload(mock: VoiceableMock, seed = 8): Promise<Workload> {
  const { store } = mock
  const secrets = new Map<number, string>()
  const tokens = new Map<number, string>()
  const plan: {
    deletes: Map<number, ApiKey[]>
    updates: Map<number, ApiKey[]>
    gets: Map<number, ApiKey[]>
  } = { deletes: new Map(), updates: new Map(), gets: new Map() }
  secrets.set(1, store.createApiKey(1, { name: 'Worker 1 key', key_type: 'private' }).key_value)
  for (const userId of [2, 3, 4, 5, 6]) {
    const created = store.createUser({ email: `worker${userId}@example.com` })
    if (created.id !== userId)
      throw new Error(`Failed to set up: expected user ${userId}, got ${created.id}`)
    secrets.set(userId, created.apiKey)
  }
  const revoked: string[] = []
  for (const userId of WORKERS) {
    const make = (purpose: string, count: number) =>
      Array.from({ length: count }, (_, i) => {
        const { key_value: _secret, ...key } = store.createApiKey(userId, {
          name: `${purpose} ${userId}.${i}`,
          key_type: 'private',
          allowed_origins: [`https://u${userId}.example`],
        })
        return { ...key, key_value: null }
      })
    plan.deletes.set(userId, make('Contended', 4))
    plan.updates.set(userId, make('Updated', 20))
    plan.gets.set(userId, make('Read', 6))
    const doomed = store.createApiKey(userId, { name: `Revoked ${userId}`, key_type: 'private' })
    store.deleteApiKey(userId, doomed.id)
    revoked.push(doomed.key_value)
    tokens.set(userId, await store.issueToken(userId))
  }
  const expired = await store.issueToken(1, { expiresInSeconds: 1 })
  const before: Snapshot = mock.snapshot()

  const asKey = (userId: number): [string, string] => ['X-API-Key', secrets.get(userId) as string]
  const asToken = (userId: number): [string, string] => [
    'Authorization',
    `Bearer ${tokens.get(userId) as string}`,
  ]
  const json: [string, string] = ['Content-Type', 'application/json']
  const requests: PlannedRequest[] = []

  for (const userId of WORKERS) {
    for (let i = 0; i < 50; i++) {
      const name = `Load ${userId}.${i}`
      const body = JSON.stringify({
        api_key: {
          name,
          key_type: i % 3 === 0 ? 'public' : 'private',
          allowed_origins: [`https://load-${userId}-${i}.example`],
        },
      })
      requests.push({
        kind: 'create',
        method: 'POST',
        path: '/api_keys',
        headers: [i % 2 === 0 ? asKey(userId) : asToken(userId), json],
        body,
        userId,
        name,
      })
    }
    for (const key of plan.updates.get(userId) ?? []) {
      const update = {
        name: `Renamed ${key.id}`,
        allowed_origins: [`https://renamed-${key.id}.example`],
        allowed_assistants: [String(key.id)],
      }
      requests.push({
        kind: 'update',
        method: 'PUT',
        path: `/api_keys/${key.id}`,
        headers: [asKey(userId), json],
        body: JSON.stringify({ api_key: update }),
        userId,
        keyId: key.id,
        update,
      })
    }
    for (const key of plan.deletes.get(userId) ?? []) {
      for (let i = 0; i < 5; i++)
        requests.push({
          kind: 'delete',
          method: 'DELETE',
          path: `/api_keys/${key.id}`,
          headers: [i % 2 === 0 ? asKey(userId) : asToken(userId)],
          userId,
          keyId: key.id,
        })
    }
    const gets = plan.gets.get(userId) ?? []
    for (let i = 0; i < 20; i++) {
      const key = gets[i % gets.length] as ApiKey
      requests.push({
        kind: 'get-own',
        method: 'GET',
        path: `/api_keys/${key.id}`,
        headers: [asKey(userId)],
        userId,
        keyId: key.id,
      })
    }
    const neighbour = (userId % WORKERS.length) + 1
    const foreign = plan.gets.get(neighbour) ?? []
    for (let i = 0; i < 10; i++) {
      const key = foreign[i % foreign.length] as ApiKey
      requests.push({
        kind: 'get-foreign',
        method: 'GET',
        path: `/api_keys/${key.id}`,
        headers: [asToken(userId)],
        userId,
        keyId: key.id,
      })
    }
    for (let i = 0; i < 10; i++)
      requests.push({
        kind: 'list',
        method: 'GET',
        path: '/api_keys',
        headers: [i % 2 === 0 ? asKey(userId) : asToken(userId)],
        userId,
      })
  }
  for (let i = 0; i < FLOOD_REQUESTS; i++)
    requests.push({
      kind: 'flood',
      method: 'GET',
      path: '/api_keys',
      headers: [asKey(6)],
      userId: 6,
    })

  const badCredentials: { headers: [string, string][]; reason: string }[] = [
    { headers: [['X-API-Key', revoked[0] as string]], reason: ERROR_MESSAGES.invalidApiKey },
    {
      headers: [['X-API-Key', 'sk_live_notAKeyOfThisStore000000']],
      reason: ERROR_MESSAGES.invalidApiKey,
    },
    { headers: [['Authorization', 'Bearer']], reason: ERROR_MESSAGES.malformedAuthorization },
    { headers: [['Authorization', `Bearer ${expired}`]], reason: ERROR_MESSAGES.expiredToken },
    {
      headers: [asKey(1), ['Authorization', `Bearer ${secrets.get(2) as string}`]],
      reason: ERROR_MESSAGES.conflictingCredentials,
    },
  ]
  const targets = [
    ['GET', '/api_keys'],
    ['POST', '/api_keys'],
    ['GET', '/api_keys/1'],
    ['PUT', '/api_keys/1'],
    ['DELETE', '/api_keys/1'],
  ] as const
  for (let i = 0; i < 50; i++) {
    const bad = badCredentials[i % badCredentials.length] as (typeof badCredentials)[number]
    const [method, path] = targets[
      Math.floor(i / badCredentials.length) % targets.length
    ] as (typeof targets)[number]
    const body =
      method === 'POST' || method === 'PUT'
        ? JSON.stringify({ api_key: { name: 'Intruder', key_type: 'private' } })
        : undefined
    requests.push({
      kind: 'bad-credentials',
      method,
      path,
      headers: body === undefined ? bad.headers : [...bad.headers, json],
      ...(body === undefined ? {} : { body }),
      reason: bad.reason,
    })
  }
  const routes = [
    ['PATCH', '/api_keys'],
    ['GET', '/users'],
    ['POST', '/api_keys/1'],
    ['DELETE', '/api_keys'],
    ['GET', '/api_keys/1/rotate'],
  ] as const
  for (let i = 0; i < 50; i++) {
    const [method, path] = routes[i % routes.length] as (typeof routes)[number]
    requests.push({ kind: 'unknown-route', method, path, headers: [] })
  }
  if (requests.length !== WORKLOAD_SIZE)
    throw new Error(`Failed to plan: ${requests.length} requests instead of ${WORKLOAD_SIZE}`)
  shuffle(requests, seed)

  const createdSecrets: string[] = []

  function verify(outcomes: Outcome[]): void {
    expect(outcomes).toHaveLength(WORKLOAD_SIZE)
    const loadStamp = stamp(LOAD_TIME)
    const initialKeys = new Map(before.api_keys.map((key) => [key.id, { ...key, key_value: null }]))
    const updatedKeys = new Map<number, ApiKey>()
    const created: { id: number; key: ApiKey; secret: string }[] = []
    const deleteStatuses = new Map<number, number[]>()
    const floodRemaining: number[] = []
    let flood429 = 0
    const lists: { userId: number; data: ApiKey[] }[] = []

    outcomes.forEach((outcome, index) => {
      const request = requests[index] as PlannedRequest
      const label = `${request.kind} ${request.method} ${request.path}: ${outcome.status} ${outcome.text.slice(0, 300)}`
      const body = outcome.text === '' ? undefined : (JSON.parse(outcome.text) as unknown)
      switch (request.kind) {
        case 'create': {
          expect(outcome.status, label).toBe(201)
          const { data } = CreateApiKeyResponseSchema.parse(body)
          expect(data.user_id, label).toBe(request.userId)
          expect(data.name, label).toBe(request.name)
          expect(data.created_at, label).toBe(loadStamp)
          created.push({ id: data.id, key: { ...data, key_value: null }, secret: data.key_value })
          break
        }
        case 'update': {
          const initial = initialKeys.get(request.keyId as number) as ApiKey
          const expected = { ...initial, ...request.update, updated_at: loadStamp }
          expect(outcome.text, label).toBe(
            JSON.stringify({
              status: { code: 200, message: SUCCESS_MESSAGES.updated },
              data: expected,
            }),
          )
          updatedKeys.set(expected.id, expected)
          break
        }
        case 'delete':
          deleteStatuses.set(request.keyId as number, [
            ...(deleteStatuses.get(request.keyId as number) ?? []),
            outcome.status,
          ])
          expect(outcome.text, label).toBe(
            JSON.stringify(
              outcome.status === 200
                ? { status: { code: 200, message: SUCCESS_MESSAGES.deleted } }
                : NOT_FOUND_BODY,
            ),
          )
          break
        case 'get-own':
          expect(outcome.text, label).toBe(
            JSON.stringify({
              status: { code: 200, message: SUCCESS_MESSAGES.read },
              data: initialKeys.get(request.keyId as number),
            }),
          )
          break
        case 'get-foreign':
          expect(outcome.status, label).toBe(404)
          expect(outcome.text, label).toBe(JSON.stringify(NOT_FOUND_BODY))
          break
        case 'list':
          expect(outcome.status, label).toBe(200)
          lists.push({
            userId: request.userId as number,
            data: ListApiKeysResponseSchema.parse(body).data,
          })
          break
        case 'flood':
          if (outcome.status === 429) {
            flood429++
            expect(outcome.headers.get('retry-after'), label).not.toBeNull()
          } else {
            expect(outcome.status, label).toBe(200)
            floodRemaining.push(Number(outcome.headers.get('x-ratelimit-remaining')))
          }
          break
        case 'bad-credentials':
          expect(outcome.text, label).toBe(
            JSON.stringify(errorBody('unauthorized', [request.reason as string])),
          )
          break
        case 'unknown-route':
          expect(outcome.status, label).toBe(404)
          expect((body as { error: string }).error, label).toBe('route_not_found')
          break
      }
    })

    // Creates: every one landed once, with contiguous fresh ids and unique secrets.
    const ids = created.map((entry) => entry.id).sort((a, b) => a - b)
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => before.next_api_key_id + i))
    expect(new Set(created.map((entry) => entry.secret)).size).toBe(created.length)
    createdSecrets.push(...created.map((entry) => entry.secret))
    // Contended deletes: exactly one winner per key, every other attempt a 404.
    expect(deleteStatuses.size).toBe(20)
    for (const [keyId, statuses] of deleteStatuses)
      expect([...statuses].sort(), `deletes of key ${keyId}`).toEqual([200, 404, 404, 404, 404])
    // The flooding caller: exactly `limit` answers, with every remaining count once, then 429s.
    expect(floodRemaining.sort((a, b) => a - b)).toEqual(
      Array.from({ length: WORKLOAD_RATE_LIMIT.limit }, (_, i) => i),
    )
    expect(flood429).toBe(FLOOD_REQUESTS - WORKLOAD_RATE_LIMIT.limit)
    // Every list is a consistent view: sorted, the caller's own keys only, each key as it was or as updated.
    const createdById = new Map(created.map((entry) => [entry.id, entry.key]))
    for (const { userId, data } of lists) {
      expect(data.map((key) => key.id)).toEqual(
        [...data.map((key) => key.id)].sort((a, b) => a - b),
      )
      for (const key of data) {
        expect(key.user_id).toBe(userId)
        const versions = [
          initialKeys.get(key.id),
          updatedKeys.get(key.id),
          createdById.get(key.id),
        ].filter((version) => version !== undefined)
        expect(
          versions.map((version) => JSON.stringify(version)),
          `list item ${key.id}`,
        ).toContain(JSON.stringify(key))
      }
      const deleted = new Set(deleteStatuses.keys())
      const mustBeThere = before.api_keys
        .filter((key) => key.user_id === userId && !deleted.has(key.id))
        .map((key) => key.id)
      expect(data.map((key) => key.id)).toEqual(expect.arrayContaining(mustBeThere))
    }

    // The store afterwards: exactly the initial keys, less the deleted, with the updates, plus the created.
    const after = mock.snapshot()
    const expectedKeys = [...initialKeys.values()]
      .filter((key) => !deleteStatuses.has(key.id))
      .map((key) => updatedKeys.get(key.id) ?? key)
      .concat(created.map((entry) => entry.key))
      .sort((a, b) => a.id - b.id)
    expect(after.api_keys.map((key) => ({ ...key, key_value: null }))).toEqual(expectedKeys)
    expect(after.next_api_key_id).toBe(before.next_api_key_id + 250)
    expect(after.users).toEqual(before.users)
    for (const entry of created)
      expect(store.authenticateKeyValue(entry.secret)?.user.id).toBe(entry.key.user_id)
    for (const key of before.api_keys.filter((key) => deleteStatuses.has(key.id)))
      expect(store.authenticateKeyValue(key.key_value)).toBeUndefined()

    // The journal holds every request once, with the statuses the clients saw.
    expect(mock.journal.count()).toBe(WORKLOAD_SIZE)
    const tally = (statuses: number[]) =>
      Object.fromEntries(
        [...new Set(statuses)]
          .sort()
          .map((status) => [status, statuses.filter((s) => s === status).length]),
      )
    expect(tally(mock.journal.entries().map((entry) => entry.status))).toEqual(
      tally(outcomes.map((outcome) => outcome.status)),
    )
    expect(new Set(mock.journal.entries().map((entry) => entry.seq)).size).toBe(WORKLOAD_SIZE)
  }

  return {
    requests,
    verify,
    secrets: () => [
      ...secrets.values(),
      ...tokens.values(),
      expired,
      ...revoked,
      ...before.api_keys.map((key) => key.key_value),
      ...createdSecrets,
    ],
  }
}
