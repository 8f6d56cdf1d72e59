// A plain ESM script. Exits non-zero on the first failed check.
import assert from 'node:assert/strict'
import { setupServer } from 'msw/node'
import { createVoiceableMock } from 'voiceable-mock'

const BASE = 'https://api.example.com/api/v1'
const mock = createVoiceableMock()
const server = setupServer(...mock.handlers)
server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' })
try {
  const read = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': 'your-api-key-here' } })
  assert.equal(read.status, 200)
  assert.deepEqual(await read.json(), {
    status: { code: 200, message: 'Success' },
    data: {
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
    },
  })

  const created = await fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name: 'Consumer key', key_type: 'private' } }),
  })
  assert.equal(created.status, 201)
  assert.match((await created.json()).data.key_value, /^sk_/)

  const denied = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': 'not-a-key' } })
  assert.equal(denied.status, 401)
  assert.equal((await denied.json()).error, 'unauthorized')
  console.log('esm-node: 3 checks passed')
} finally {
  server.close()
}
