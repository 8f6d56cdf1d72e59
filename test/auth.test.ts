import { ERROR_MESSAGES } from 'voiceable-mock'
import { expect, it } from 'vitest'
import { call, createTestMock, DOCUMENTED_KEY } from './support/call.js'

const ENDPOINTS = [
  'GET /api_keys',
  'POST /api_keys',
  'GET /api_keys/1',
  'PUT /api_keys/1',
  'DELETE /api_keys/1',
] as const

const UNAUTHORIZED = {
  missing: ERROR_MESSAGES.missingCredentials,
  badKey: ERROR_MESSAGES.invalidApiKey,
  badHeader: ERROR_MESSAGES.malformedAuthorization,
}

const CASES: [string, Record<string, string>, string][] = [
  ['no credentials', {}, UNAUTHORIZED.missing],
  ['an unknown X-API-Key', { 'X-API-Key': 'sk_live_unknown' }, UNAUTHORIZED.badKey],
  // A header with no value is no credential: the same 401 as none at all.
  ['an empty X-API-Key', { 'X-API-Key': '' }, UNAUTHORIZED.missing],
  ['an empty Authorization', { Authorization: '' }, UNAUTHORIZED.missing],
  ['an unknown Bearer key', { Authorization: 'Bearer sk_live_unknown' }, UNAUTHORIZED.badKey],
  ['Bearer with no token', { Authorization: 'Bearer' }, UNAUTHORIZED.badHeader],
  ['a Basic scheme', { Authorization: 'Basic dXNlcjpwYXNz' }, UNAUTHORIZED.badHeader],
  ['the key without a scheme', { Authorization: DOCUMENTED_KEY }, UNAUTHORIZED.badHeader],
  // An invalid header beside a valid one is still a 401: it is never silently ignored.
  [
    'a valid X-API-Key beside a bad Authorization',
    { 'X-API-Key': DOCUMENTED_KEY, Authorization: 'Bearer nope' },
    UNAUTHORIZED.badKey,
  ],
  [
    'a bad X-API-Key beside a valid Authorization',
    { 'X-API-Key': 'nope', Authorization: `Bearer ${DOCUMENTED_KEY}` },
    UNAUTHORIZED.badKey,
  ],
]

it.each(
  ENDPOINTS.flatMap((endpoint) =>
    CASES.map(([label, headers, message]) => [endpoint, label, headers, message] as const),
  ),
)('%s with %s answers 401 in the API envelope', async (endpoint, _label, headers, message) => {
  const mock = createTestMock()
  const before = mock.snapshot()
  const res = await call(mock, endpoint, {
    apiKey: null,
    headers,
    json: { api_key: { name: 'x', key_type: 'private' } },
  })
  expect(res.status).toBe(401)
  expect(res.body).toEqual({
    status: { code: 401, message: 'Authentication required.' },
    error: 'unauthorized',
    errors: [message],
  })
  expect(mock.snapshot()).toEqual(before)
})

it.each([
  ['X-API-Key', (key: string) => ({ 'X-API-Key': key })],
  ['Authorization: Bearer <key>', (key: string) => ({ Authorization: `Bearer ${key}` })],
  [
    'Authorization: bearer <key> (lower-case scheme)',
    (key: string) => ({ Authorization: `bearer ${key}` }),
  ],
  [
    'both headers with the same key',
    (key: string) => ({ 'X-API-Key': key, Authorization: `Bearer ${key}` }),
  ],
])('authenticates with %s', async (_label, headers) => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /api_keys/1', {
    apiKey: null,
    headers: headers(DOCUMENTED_KEY),
  })
  expect(res.status).toBe(200)
  expect(res.body.data.id).toBe(1)
})

it('authenticates with a JWT issued by the store', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'GET /api_keys', { bearer: token })
  expect(res.status).toBe(200)
  expect(res.body.data.map((key: { id: number }) => key.id)).toEqual([1])
})

it('rejects an expired JWT with a message saying so', async () => {
  let now = new Date('2024-01-15T10:30:00Z')
  const mock = createTestMock({ now: () => now, tokenTtlSeconds: 3600 })
  const token = await mock.store.issueToken(1)
  now = new Date('2024-01-15T11:30:00Z')
  const res = await call(mock, 'GET /api_keys', { bearer: token })
  expect(res.status).toBe(401)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.expiredToken])
})

it('rejects a tampered JWT', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  const last = token.at(-1) === 'A' ? 'B' : 'A'
  const res = await call(mock, 'GET /api_keys', { bearer: `${token.slice(0, -1)}${last}` })
  expect(res.status).toBe(401)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.invalidToken])
})

it('rejects a JWT from another mock (another signing secret)', async () => {
  const token = await createTestMock({ seed: 2 }).store.issueToken(1)
  const res = await call(createTestMock({ seed: 3 }), 'GET /api_keys', { bearer: token })
  expect(res.status).toBe(401)
})

it('rejects two valid credentials of different users', async () => {
  const mock = createTestMock()
  const other = mock.store.createUser()
  const res = await call(mock, 'GET /api_keys', {
    headers: { Authorization: `Bearer ${other.apiKey}` },
  })
  expect(res.status).toBe(401)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.conflictingCredentials])
})

it('forbids public keys on the API-key endpoints by default', async () => {
  const mock = createTestMock()
  const created = mock.store.createApiKey(1, { name: 'Widget', key_type: 'public' })
  for (const endpoint of ENDPOINTS) {
    const res = await call(mock, endpoint, {
      apiKey: created.key_value,
      json: { api_key: { name: 'x', key_type: 'private' } },
    })
    expect(res.status, endpoint).toBe(403)
    expect(res.body.errors).toEqual([ERROR_MESSAGES.publicKeyForbidden])
  }
  expect(mock.store.countApiKeys()).toBe(createTestMock().store.countApiKeys() + 1)
})

it('lets public keys read but not write with publicKeyAccess read-only', async () => {
  const mock = createTestMock({ publicKeyAccess: 'read-only' })
  const { key_value } = mock.store.createApiKey(1, { name: 'Widget', key_type: 'public' })
  expect((await call(mock, 'GET /api_keys', { apiKey: key_value })).status).toBe(200)
  expect((await call(mock, 'GET /api_keys/1', { apiKey: key_value })).status).toBe(200)
  const res = await call(mock, 'DELETE /api_keys/1', { apiKey: key_value })
  expect(res.status).toBe(403)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.publicKeyReadOnly])
})

it('lets public keys do everything with publicKeyAccess full-access', async () => {
  const mock = createTestMock({ publicKeyAccess: 'full-access' })
  const { key_value } = mock.store.createApiKey(1, { name: 'Widget', key_type: 'public' })
  expect((await call(mock, 'DELETE /api_keys/1', { apiKey: key_value })).status).toBe(200)
})

it('never echoes a credential in an error body', async () => {
  const mock = createTestMock()
  const secret = 'sk_live_THIS_SHOULD_NOT_APPEAR'
  const res = await call(mock, 'GET /api_keys', { apiKey: secret })
  expect(res.text).not.toContain(secret)
})
