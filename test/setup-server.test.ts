import { setupServer } from 'msw/node'
import { createVoiceableMock } from 'voiceable-mock'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { fixture } from './support/fixtures.js'
import { assertJournalWireFormat } from './support/wire-format.js'

// The README's quick start, as a test: one mock, setupServer, real fetch.
const mock = createVoiceableMock()
const server = setupServer(...mock.handlers)
const headers = { 'X-API-Key': 'your-api-key-here' }

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
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
  const updated = await fetch(url, { method: 'PUT', headers: json, body: JSON.stringify({ api_key: { name: 'CI 2' } }) })
  expect((await updated.json()).data.name).toBe('CI 2')
  const list = await (await fetch('https://api.example.com/api/v1/api_keys', { headers })).json()
  expect(list.data.map((key: { id: number }) => key.id)).toEqual([1, data.id])
  expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(200)
  expect((await fetch(url, { headers })).status).toBe(404)
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

it('fails a request to a host the mock does not serve, as onUnhandledRequest error says', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  // msw reports the unhandled request and fails it (a 500 on msw 2, a rejection elsewhere).
  const outcome = await fetch('https://elsewhere.example/api_keys').then((res) => res.status, () => 'rejected')
  expect([500, 'rejected']).toContain(outcome)
  expect(errors.mock.calls.flat().map(String).join(' ')).toContain('elsewhere.example')
})
