import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_API_KEY, DOCUMENTED_KEY_VALUE } from 'voiceable-mock'

const BASE = 'https://api.example.com/api/v1'
const mock = createVoiceableMock()
const server = setupServer(...mock.handlers)
const listenOptions = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const

beforeAll(() => server.listen(listenOptions))
afterEach(() => mock.reset())
afterAll(() => server.close())

it('reads the documented key, creates a key once, and refuses a wrong key', async () => {
  const read = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE } })
  expect(read.status).toBe(200)
  expect(await read.json()).toEqual({
    status: { code: 200, message: 'Success' },
    data: { ...DOCUMENTED_API_KEY, key_value: null },
  })

  const created = await fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE, 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name: 'Consumer key', key_type: 'private' } }),
  })
  expect(created.status).toBe(201)
  expect((await created.json()).data.key_value).toMatch(/^sk_/)

  const denied = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': 'not-a-key' } })
  expect(denied.status).toBe(401)
  expect((await denied.json()).error).toBe('unauthorized')
})
