import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

it('returns 404 for a key owned by another caller, with the same body as a missing id', async () => {
  const mock = createTestMock()
  const other = mock.store.createUser()
  const foreign = await call(mock, 'GET /api_keys/1', { apiKey: other.apiKey })
  const missing = await call(mock, 'GET /api_keys/999999', { apiKey: other.apiKey })
  expect(foreign.status).toBe(404)
  expect(foreign.text).toBe(missing.text)
})

it.each(['PUT', 'DELETE'])(
  "leaves another caller's key unchanged on %s and answers like a missing id",
  async (method) => {
    const mock = createTestMock()
    const other = mock.store.createUser()
    const before = mock.snapshot()
    const foreign = await call(mock, `${method} /api_keys/1`, {
      apiKey: other.apiKey,
      json: { api_key: { name: 'stolen' } },
    })
    const missing = await call(mock, `${method} /api_keys/999999`, {
      apiKey: other.apiKey,
      json: { api_key: { name: 'stolen' } },
    })
    expect(foreign.status).toBe(404)
    expect(foreign.text).toBe(missing.text)
    expect(mock.snapshot()).toEqual(before)
  },
)

it("lists only the caller's keys", async () => {
  const mock = createTestMock({ scenario: 'multi-tenant' })
  for (const user of mock.store.listUsers()) {
    const res = await call(mock, 'GET /api_keys', { apiKey: user.apiKey })
    expect(res.status).toBe(200)
    const owners = new Set(res.body.data.map((key: { user_id: number }) => key.user_id))
    expect([...owners]).toEqual([user.id])
    expect(res.body.data).toHaveLength(mock.store.listApiKeys(user.id).length)
  }
})

it('answers 404 for a foreign key even when the caller uses a JWT', async () => {
  const mock = createTestMock()
  const other = mock.store.createUser()
  const token = await mock.store.issueToken(other.id)
  expect((await call(mock, 'GET /api_keys/1', { bearer: token })).status).toBe(404)
})
