import { expect, it } from 'vitest'
import { call, createTestMock } from '../support/call.js'

it('answers the next request to an endpoint with an injected 503, then recovers', async () => {
  const mock = createTestMock()
  mock.faults.error(503, { endpoint: 'getApiKey', times: 1 })
  const failed = await call(mock, 'GET /api_keys/1')
  expect(failed.status).toBe(503)
  expect(failed.body).toEqual({
    status: { code: 503, message: 'Service Unavailable' },
    error: 'service_unavailable',
    errors: ['Injected fault: 503 Service Unavailable'],
  })
  expect(failed.headers.get('x-ratelimit-remaining')).not.toBeNull()
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
  expect((await call(mock, 'GET /api_keys/1')).status).toBe(200)
})

it('scopes a fault to one caller', async () => {
  const mock = createTestMock()
  const other = mock.store.createUser()
  mock.faults.error(500, { userId: other.id, message: 'Database is down' })
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
  const res = await call(mock, 'GET /api_keys', { apiKey: other.apiKey })
  expect(res.status).toBe(500)
  expect(res.body.errors).toEqual(['Database is down'])
})

it('keeps the store unchanged when a write is answered by a fault', async () => {
  const mock = createTestMock()
  mock.faults.error(502, { endpoint: ['createApiKey', 'deleteApiKey'] })
  const before = mock.snapshot()
  expect(
    (await call(mock, 'POST /api_keys', { json: { api_key: { name: 'x', key_type: 'private' } } }))
      .status,
  ).toBe(502)
  expect((await call(mock, 'DELETE /api_keys/1')).status).toBe(502)
  expect(mock.snapshot()).toEqual(before)
})

it('makes fetch reject as a dropped connection would with networkError', async () => {
  const mock = createTestMock()
  const fault = mock.faults.networkError({ endpoint: 'listApiKeys', times: 2 })
  const { getResponse } = await import('msw')
  const response = await getResponse(
    mock.handlers,
    new Request('https://api.example.com/api/v1/api_keys', {
      headers: { 'X-API-Key': 'your-api-key-here' },
    }),
  )
  expect(response?.type).toBe('error')
  expect(fault.hits).toBe(1)
  expect(mock.journal.last()).toMatchObject({ endpoint: 'listApiKeys', status: 0, response: null })
})

it('applies a seeded probability: the same seed fails the same requests', async () => {
  const outcomes = async (seed: number) => {
    const mock = createTestMock({ seed })
    mock.faults.error(500, { probability: 0.5 })
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await call(mock, 'GET /api_keys/1')).status)
    return statuses
  }
  const first = await outcomes(5)
  expect(await outcomes(5)).toEqual(first)
  expect(first.filter((status) => status === 500).length).toBeGreaterThan(5)
  expect(first.filter((status) => status === 200).length).toBeGreaterThan(5)
})

it('delays matching requests with latency and leaves the others immediate', async () => {
  const mock = createTestMock()
  mock.faults.latency(120, { endpoint: 'listApiKeys' })
  const slowStart = performance.now()
  await call(mock, 'GET /api_keys')
  const slow = performance.now() - slowStart
  const fastStart = performance.now()
  await call(mock, 'GET /api_keys/1')
  const fast = performance.now() - fastStart
  // The delay is a floor set by a timer, not a speed measurement: it can only make the call slower.
  expect(slow).toBeGreaterThanOrEqual(115)
  expect(fast).toBeLessThan(slow)
})

it('exhausts the rate limit so the next call gets 429 with Retry-After', async () => {
  const mock = createTestMock({ rateLimit: { limit: 50, windowSeconds: 60 } })
  mock.faults.exhaustRateLimit({ userId: 1 })
  const res = await call(mock, 'GET /api_keys')
  expect(res.status).toBe(429)
  expect(res.headers.get('x-ratelimit-remaining')).toBe('0')
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
})

it('clears every fault on reset()', async () => {
  const mock = createTestMock()
  mock.faults.error(500)
  mock.faults.latency(10_000)
  mock.reset()
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
})

it('removes one fault with its handle', async () => {
  const mock = createTestMock()
  const fault = mock.faults.error(500)
  expect((await call(mock, 'GET /api_keys')).status).toBe(500)
  fault.remove()
  expect((await call(mock, 'GET /api_keys')).status).toBe(200)
  expect(fault.hits).toBe(1)
})

it('refuses a fault that makes no sense, naming the problem', () => {
  const mock = createTestMock()
  expect(() => mock.faults.error(200)).toThrow(/error status \(400–599\), got 200/)
  expect(() => mock.faults.error(500, { times: 0 })).toThrow(/times must be a positive integer/)
  expect(() => mock.faults.networkError({ probability: 2 })).toThrow(
    /probability must be a number from 0 to 1/,
  )
  expect(() => createTestMock({ rateLimit: false }).faults.exhaustRateLimit({ userId: 1 })).toThrow(
    /rateLimit: false/,
  )
})
