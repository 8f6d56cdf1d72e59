import { expect, it } from 'vitest'
import { createMockInternals } from './mock.js'
import { VoiceableMockOptionsSchema } from './options.js'

// The change hook the demo server persists on: every change to the store through the mock, on
// any transport, and nothing else.

const BASE = 'https://api.example.com/api/v1'
const AUTH = { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' }

function watched() {
  let changes = 0
  const { mock } = createMockInternals({}, { onChange: () => void changes++ })
  return { mock, changes: () => changes }
}

it('tells onChange after a 2xx write, and not after a read or a failed write', async () => {
  const { mock, changes } = watched()
  await mock.fetch(`${BASE}/api_keys`, { headers: AUTH })
  await mock.fetch(`${BASE}/api_keys/99`, { method: 'DELETE', headers: AUTH })
  await mock.fetch(`${BASE}/api_keys`, { method: 'POST', headers: AUTH, body: '{}' })
  expect(changes()).toBe(0)
  const created = await mock.fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({ api_key: { name: 'x', key_type: 'private' } }),
  })
  expect(created.status).toBe(201)
  expect(changes()).toBe(1)
})

it('tells onChange after a scenario switch (the header too), a reset and a restore', async () => {
  const { mock, changes } = watched()
  await mock.fetch(`${BASE}/api_keys`, {
    headers: { ...AUTH, 'X-Voiceable-Mock-Scenario': 'empty' },
  })
  expect(changes()).toBe(1)
  mock.useScenario('documented')
  mock.reset()
  mock.restore(mock.snapshot())
  expect(changes()).toBe(4)
})

it('tells onChange nothing for an injected fault that answers a write', async () => {
  const { mock, changes } = watched()
  mock.faults.error(503, { endpoint: 'deleteApiKey' })
  await mock.fetch(`${BASE}/api_keys/1`, { method: 'DELETE', headers: AUTH })
  expect(changes()).toBe(0)
})

it('reads no option given as the schema does: every option optional, none with a default', () => {
  // createVoiceableMock() skips the parse when given no option; this is what it would answer.
  expect(VoiceableMockOptionsSchema.parse({})).toStrictEqual({})
  expect(VoiceableMockOptionsSchema.parse(Object.create(null))).toStrictEqual({})
})
