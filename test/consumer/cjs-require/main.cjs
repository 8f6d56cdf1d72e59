// A CommonJS consumer: require() of the ESM-only package (Node's require(esm), unflagged since
// Node 20.19 and 22.12). Exits non-zero on the first failed check.
'use strict'
const assert = require('node:assert/strict')
const { setupServer } = require('msw/node')
const { createVoiceableMock } = require('voiceable-mock')
const { startMockServer } = require('voiceable-mock/node')

const BASE = 'https://api.example.com/api/v1'

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

async function main() {
  assert.equal(
    typeof startMockServer,
    'function',
    "require('voiceable-mock/node') exports startMockServer",
  )
  const mock = createVoiceableMock()
  const server = setupServer(...mock.handlers)
  server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' })
  try {
    const read = await fetch(`${BASE}/api_keys/1`, {
      headers: { 'X-API-Key': 'your-api-key-here' },
    })
    assert.equal(read.status, 200)
    const body = await read.json()
    assert.equal(body.data.name, 'Production API Key')
    assert.deepEqual(body.data, DOCUMENTED_KEY)

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
    console.log('cjs-require: 3 checks passed')
  } finally {
    server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
