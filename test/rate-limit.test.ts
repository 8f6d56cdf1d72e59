import { ERROR_MESSAGES } from 'voiceable-mock'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

it('sends the rate-limit headers on every response, counting per caller', async () => {
  const time = new Date('2024-01-15T10:30:00Z')
  const mock = createTestMock({ now: () => time, rateLimit: { limit: 3, windowSeconds: 60 } })
  const reset = String(Date.parse('2024-01-15T10:31:00Z') / 1000)
  const first = await call(mock, 'GET /api_keys')
  expect([
    first.headers.get('x-ratelimit-limit'),
    first.headers.get('x-ratelimit-remaining'),
    first.headers.get('x-ratelimit-reset'),
  ]).toEqual(['3', '2', reset])
  expect((await call(mock, 'GET /api_keys/999')).headers.get('x-ratelimit-remaining')).toBe('1')
  // Another user has a count of their own; unauthenticated requests share an anonymous one.
  const other = mock.store.createUser()
  expect(
    (await call(mock, 'GET /api_keys', { apiKey: other.apiKey })).headers.get(
      'x-ratelimit-remaining',
    ),
  ).toBe('2')
  expect(
    (await call(mock, 'GET /api_keys', { apiKey: null })).headers.get('x-ratelimit-remaining'),
  ).toBe('2')
})

it('answers 429 with Retry-After past the limit, then serves again in the next window', async () => {
  let time = new Date('2024-01-15T10:30:00Z')
  const mock = createTestMock({ now: () => time, rateLimit: { limit: 2, windowSeconds: 60 } })
  await call(mock, 'GET /api_keys')
  await call(mock, 'GET /api_keys')
  time = new Date('2024-01-15T10:30:20Z')
  const limited = await call(mock, 'POST /api_keys', {
    json: { api_key: { name: 'x', key_type: 'private' } },
  })
  expect(limited.status).toBe(429)
  expect(limited.headers.get('retry-after')).toBe('40')
  expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
  expect(limited.body).toEqual({
    status: { code: 429, message: 'Rate limit exceeded' },
    error: 'rate_limited',
    errors: [ERROR_MESSAGES.rateLimited(2, 60, 40)],
  })
  expect(mock.store.listApiKeys(1)).toHaveLength(1)
  time = new Date('2024-01-15T10:31:00Z')
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
})

it('clears the counts on reset()', async () => {
  const mock = createTestMock({ rateLimit: { limit: 1 } })
  await call(mock, 'GET /api_keys')
  expect((await call(mock, 'GET /api_keys')).status).toBe(429)
  mock.reset()
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
})

it('sends no rate-limit headers and never 429 with rateLimit false', async () => {
  const mock = createTestMock({ rateLimit: false })
  const res = await call(mock, 'GET /api_keys')
  expect(res.headers.has('x-ratelimit-limit')).toBe(false)
})
