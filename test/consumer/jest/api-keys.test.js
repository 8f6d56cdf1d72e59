// Jest in ESM mode (node --experimental-vm-modules): msw >= 2.13 and faker 10 are ESM-only,
// and Jest's CommonJS mode cannot load ESM before Node 24.9.
import { setupServer } from 'msw/node'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE } from 'voiceable-mock'

/** Key 1 as the documented "Get API Key" example shows it. */
const DOCUMENTED_KEY = {
  id: 1,
  key_type: 'private',
  name: 'Production API Key',
  key_value: null,
  allowed_origins: ['https://example.com'],
  allowed_assistants: ['123'],
  transient_assistant: false,
  user_id: 1,
  user_email: 'user@example.com',
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
}

const BASE = 'https://api.example.com/api/v1'
const mock = createVoiceableMock()
const server = setupServer(...mock.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' }))
afterEach(() => mock.reset())
afterAll(() => server.close())

test('reads the documented key, creates a key once, and refuses a wrong key', async () => {
  const read = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE } })
  expect(read.status).toBe(200)
  expect(await read.json()).toEqual({
    status: { code: 200, message: 'Success' },
    data: DOCUMENTED_KEY,
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
