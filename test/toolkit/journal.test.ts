import { expect, it } from 'vitest'
import { call, createTestMock } from '../support/call.js'

it('records that DELETE was called once for key 5 by user 1', async () => {
  const mock = createTestMock({ scenario: 'many-keys' })
  await call(mock, 'GET /api_keys/5')
  await call(mock, 'DELETE /api_keys/5')
  expect(mock.journal.count({ endpoint: 'deleteApiKey', keyId: 5, userId: 1 })).toBe(1)
  expect(mock.journal.last({ endpoint: 'deleteApiKey' })).toMatchObject({
    method: 'DELETE',
    path: '/api/v1/api_keys/5',
    keyId: 5,
    userId: 1,
    credential: 'private-key',
    status: 200,
    response: { status: { code: 200, message: 'API key deleted successfully' } },
  })
})

it('records the parsed request body, the caller and the status of each request', async () => {
  const mock = createTestMock()
  await call(mock, 'POST /api_keys', { json: { api_key: { name: 'CI', key_type: 'private' } } })
  await call(mock, 'GET /api_keys', { apiKey: 'nope' })
  const [created, rejected] = mock.journal.entries()
  expect(created).toMatchObject({
    seq: 1,
    endpoint: 'createApiKey',
    body: { api_key: { name: 'CI', key_type: 'private' } },
    status: 201,
  })
  expect(rejected).toMatchObject({
    seq: 2,
    endpoint: 'listApiKeys',
    userId: null,
    credential: null,
    status: 401,
    body: null,
  })
  expect(mock.journal.entries({ status: 401 })).toHaveLength(1)
})

it('masks secrets: key values in responses, and never records credentials', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'POST /api_keys', {
    bearer: token,
    json: { api_key: { name: 'CI', key_type: 'private' } },
  })
  const secret: string = res.body.data.key_value
  const recorded = JSON.stringify(mock.journal.entries())
  expect(recorded).not.toContain(secret)
  expect(recorded).not.toContain(token)
  expect(recorded).not.toContain('your-api-key-here')
  expect(mock.journal.last()?.response).toMatchObject({ data: { key_value: 'sk_live_********' } })
  expect(mock.journal.last()?.credential).toBe('jwt')
})

it('returns copies that cannot change the journal', async () => {
  const mock = createTestMock()
  await call(mock, 'GET /api_keys/1')
  const entry = mock.journal.last()
  if (entry !== undefined) entry.status = 999
  expect(mock.journal.last()?.status).toBe(200)
})

it('is cleared by reset() and kept to a bounded size', async () => {
  const mock = createTestMock({ journal: { maxEntries: 3 } })
  for (let i = 0; i < 7; i++) await call(mock, 'GET /api_keys/1')
  expect(mock.journal.entries().map((entry) => entry.seq)).toEqual([5, 6, 7])
  mock.reset()
  expect(mock.journal.count()).toBe(0)
})

it('keeps nothing with journal false', async () => {
  const mock = createTestMock({ journal: false })
  await call(mock, 'GET /api_keys/1')
  expect(mock.journal.count()).toBe(0)
})

it('keeps nothing with maxEntries 0, the same as journal: false', async () => {
  const off = createTestMock({ journal: { maxEntries: 0 } })
  for (let i = 0; i < 5; i++) await call(off, 'GET /api_keys/1')
  expect(off.journal.count()).toBe(0)
  expect(off.journal.entries()).toEqual([])
  expect(off.journal.last()).toBeUndefined()
})

it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
  'refuses maxEntries %s with a TypeError naming it',
  (maxEntries) => {
    expect(() => createTestMock({ journal: { maxEntries } })).toThrow(
      new TypeError(
        `Failed to create the mock: journal.maxEntries must be a whole number of at least 0 (0 keeps none), got ${maxEntries}`,
      ),
    )
  },
)

it('masks a created secret when read, however often it is read', async () => {
  const mock = createTestMock()
  await call(mock, 'POST /api_keys', { json: { api_key: { name: 'Masked', key_type: 'private' } } })
  const first = mock.journal.last({ endpoint: 'createApiKey' })
  expect((first?.response as { data: { key_value: string } }).data.key_value).toBe(
    'sk_live_********',
  )
  expect(mock.journal.last({ endpoint: 'createApiKey' })).toEqual(first)
})

it('keeps each path parameter as the lookup casts it, with keyId and agentId as aliases', async () => {
  const mock = createTestMock()
  await call(mock, 'GET /api_keys/01')
  await call(mock, 'GET /agents/0123')
  await call(mock, 'GET /agents/abc')
  await call(mock, 'GET /api_keys')
  const [key, agent, missing, list] = mock.journal.entries()
  expect(key).toMatchObject({ params: { keyId: 1 }, keyId: 1, agentId: null })
  expect(agent).toMatchObject({ params: { agentId: '123' }, keyId: null, agentId: '123' })
  // A parameter that casts to no record is kept as null, and answered with the 404.
  expect(missing).toMatchObject({ params: { agentId: null }, agentId: null, status: 404 })
  expect(list?.params).toEqual({})
  expect(mock.journal.count({ keyId: 1 })).toBe(1)
  expect(mock.journal.count({ agentId: '123' })).toBe(1)
})
