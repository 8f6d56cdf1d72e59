import { createVoiceableMock, ERROR_MESSAGES, SCENARIO_HEADER } from 'voiceable-mock'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import { fixture } from './support/fixtures.js'
import { startMswServer } from './support/msw-server.js'
import { assertJournalWireFormat } from './support/wire-format.js'

// The README's quick start, as a test: one mock, setupServer, real fetch. Runs on both CI legs
// (msw 2 on Node 20, msw 3 on Node 22); startMswServer passes the unhandled-request strategy in
// both majors' spellings.
const mock = createVoiceableMock()
const server = startMswServer(mock.handlers, 'error')
const headers = { 'X-API-Key': 'your-api-key-here' }

afterEach(() => {
  assertJournalWireFormat(mock)
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())

it('answers the seed page example through fetch with the documented body', async () => {
  const res = await fetch('https://api.example.com/api/v1/api_keys/1', { method: 'GET', headers })
  expect(res.status).toBe(200)
  expect(await res.text()).toBe(JSON.stringify(fixture('get-api-key.response.json')))
})

it('creates, lists, updates and deletes through fetch', async () => {
  const json = { ...headers, 'Content-Type': 'application/json' }
  const created = await fetch('https://api.example.com/api/v1/api_keys', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ api_key: { name: 'CI', key_type: 'private' } }),
  })
  expect(created.status).toBe(201)
  const { data } = await created.json()
  const url = `https://api.example.com/api/v1/api_keys/${data.id}`
  const updated = await fetch(url, {
    method: 'PUT',
    headers: json,
    body: JSON.stringify({ api_key: { name: 'CI 2' } }),
  })
  expect((await updated.json()).data.name).toBe('CI 2')
  const list = await (await fetch('https://api.example.com/api/v1/api_keys', { headers })).json()
  expect(list.data.map((key: { id: number }) => key.id)).toEqual([1, data.id])
  expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(200)
  expect((await fetch(url, { headers })).status).toBe(404)
})

it('answers a wrong key with 401 through fetch', async () => {
  const res = await fetch('https://api.example.com/api/v1/api_keys/1', {
    headers: { 'X-API-Key': 'not-a-key' },
  })
  expect(res.status).toBe(401)
  expect(await res.json()).toMatchObject({
    error: 'unauthorized',
    errors: [ERROR_MESSAGES.invalidApiKey],
  })
})

it('answers the real backend prefix too', async () => {
  const res = await fetch('https://api.voiceable.dev/voiceable-api/api_keys', { headers })
  expect(res.status).toBe(200)
})

it('starts every test from the seeded state after reset()', async () => {
  await fetch('https://api.example.com/api/v1/api_keys/1', { method: 'DELETE', headers })
  mock.reset()
  expect((await fetch('https://api.example.com/api/v1/api_keys/1', { headers })).status).toBe(200)
})

it('resets to the starting data after a scenario header switched the store', async () => {
  const switched = await fetch('https://api.example.com/api/v1/api_keys', {
    headers: { ...headers, [SCENARIO_HEADER]: 'empty' },
  })
  expect(switched.status).toBe(401)
  mock.reset()
  expect(mock.store.scenario).toBe('documented')
  expect((await fetch('https://api.example.com/api/v1/api_keys/1', { headers })).status).toBe(200)
})

it('fails a request to a host the mock does not serve, as the error strategy says', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  // msw reports the unhandled request and fails it (a 500 on msw 2, a rejection elsewhere).
  const outcome = await fetch('https://elsewhere.example/api_keys').then(
    (res) => res.status,
    () => 'rejected',
  )
  expect([500, 'rejected']).toContain(outcome)
  expect(errors.mock.calls.flat().map(String).join(' ')).toContain('elsewhere.example')
})
