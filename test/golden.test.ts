import {
  DOCUMENTED_AGENT,
  DOCUMENTED_AGENT_FIRST_MESSAGE,
  DOCUMENTED_API_KEY,
} from './support/documented.js'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { fixture } from './support/fixtures.js'

// Each documented example, reproduced from a store set up for it. Comparing the response text
// with JSON.stringify(fixture) checks values and key order byte for byte.

const at = (iso: string) => () => new Date(iso)

it('reproduces the documented Get example from the built-in data', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /api_keys/1')
  expect(res.status).toBe(200)
  expect(res.text).toBe(JSON.stringify(fixture('get-api-key.response.json')))
})

it('reproduces the documented List example from a store holding its one key', async () => {
  const mock = createTestMock({
    // A snapshot of the first format, as saved before accounts and agents: still loaded.
    snapshot: {
      format: 'voiceable-mock/snapshot@1',
      next_user_id: 2,
      next_api_key_id: 2,
      token_secret: 'A'.repeat(43),
      users: [{ id: 1, email: 'user@example.com' }],
      api_keys: [{ ...DOCUMENTED_API_KEY, allowed_assistants: ['123', '456'] }],
    },
  })
  const res = await call(mock, 'GET /api_keys')
  expect(res.status).toBe(200)
  expect(res.text).toBe(JSON.stringify(fixture('list-api-keys.response.json')))
})

it('reproduces the documented Create example in an empty store at the documented time', async () => {
  const mock = createTestMock({
    scenario: 'empty',
    now: at('2024-01-15T10:30:00Z'),
    generateKeyValue: () => 'sk_live_abc123xyz789',
  })
  // The empty store has no API key yet, so the caller signs in with a JWT.
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'POST /api_keys', {
    bearer: token,
    json: fixture('create-api-key.request.json'),
  })
  expect(res.status).toBe(201)
  expect(res.text).toBe(JSON.stringify(fixture('create-api-key.response.json')))
})

it('reproduces the documented Update example at the documented time', async () => {
  const mock = createTestMock({ now: at('2024-01-15T11:00:00Z') })
  const res = await call(mock, 'PUT /api_keys/1', { json: fixture('update-api-key.request.json') })
  expect(res.status).toBe(200)
  expect(res.text).toBe(JSON.stringify(fixture('update-api-key.response.json')))
})

it('reproduces the documented Delete example and revokes the key', async () => {
  const mock = createTestMock()
  const other = mock.store.createUser()
  const res = await call(mock, 'DELETE /api_keys/1')
  expect(res.status).toBe(200)
  expect(res.text).toBe(JSON.stringify(fixture('delete-api-key.response.json')))
  // The deleted key's own secret no longer authenticates…
  expect((await call(mock, 'GET /api_keys')).status).toBe(401)
  // …and its id is gone for its owner.
  const token = await mock.store.issueToken(1)
  expect((await call(mock, 'GET /api_keys/1', { bearer: token })).status).toBe(404)
  expect((await call(mock, 'GET /api_keys/1', { apiKey: other.apiKey })).status).toBe(404)
})

it('reproduces the documented agent from the built-in data, as one item and in the list', async () => {
  const mock = createTestMock()
  const item = JSON.stringify(DOCUMENTED_AGENT)
  // A superset of the example: the documented bytes, with only the app's greeting added after
  // the documented `conversation_config` fields.
  const greeting = `,"first_message":${JSON.stringify(DOCUMENTED_AGENT_FIRST_MESSAGE)}`
  expect(item.replace(greeting, '')).toBe(JSON.stringify(fixture('list-agents.item.json')))
  const one = await call(mock, 'GET /agents/123')
  expect(one.status).toBe(200)
  expect(one.text).toBe(`{"status":{"code":200,"message":"Success"},"data":${item}}`)
  // The example's list shows agent 123 alone (the page is cut off after `data`): a search for it.
  const list = await call(mock, 'GET /agents?search=customer%20support')
  expect(list.text.startsWith(`{"status":{"code":200,"message":"Success"},"data":[${item}]`)).toBe(
    true,
  )
})

it('reproduces the documented Update Agent request and Delete Agent response', async () => {
  const mock = createTestMock({ now: at('2024-01-16T09:00:00Z') })
  const updated = await call(mock, 'PUT /agents/123', {
    json: fixture('update-agent.request.json'),
  })
  expect(updated.status).toBe(200)
  expect(updated.body.data).toMatchObject({
    id: '123',
    name: 'Updated Agent Name',
    tags: ['support', 'voice', 'updated'],
    conversation_config: { temperature: 0.8 },
    updated_at: '2024-01-16T09:00:00Z',
  })
  const deleted = await call(mock, 'DELETE /agents/123')
  expect(deleted.status).toBe(200)
  expect(deleted.text).toBe(JSON.stringify(fixture('delete-agent.response.json')))
  expect((await call(mock, 'GET /agents/123')).status).toBe(404)
})
