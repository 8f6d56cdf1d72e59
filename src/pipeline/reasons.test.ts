import { expect, it } from 'vitest'
import { createVoiceableMock, type VoiceableMock } from '../mock.js'
import { REASONS } from './reasons.js'

// The journal's `reason`: why each answer is what it is, recorded by the core where it decided.

const BASE = 'https://api.example.com/api/v1'
const KEY = { 'X-API-Key': 'your-api-key-here' }

async function reasonOf(
  mock: VoiceableMock,
  path: string,
  init: RequestInit = { headers: KEY },
): Promise<string | null | undefined> {
  await mock.fetch(`${BASE}${path}`, init).catch(() => undefined)
  return mock.journal.last()?.reason
}

/** A key of user 2's (the documented scenario gives every generated user at least one). */
function foreignKeyId(mock: VoiceableMock): number {
  const user2 = mock.store.listUsers()[1] as { id: number }
  return (mock.store.listApiKeys(user2.id)[0] as { id: number }).id
}

it('says whose key a 404 was, and never in the response', async () => {
  const mock = createVoiceableMock()
  const id = foreignKeyId(mock)
  const res = await mock.fetch(`${BASE}/api_keys/${id}`, { headers: KEY })
  const text = await res.text()
  expect(res.status).toBe(404)
  expect(mock.journal.last()?.reason).toBe(REASONS.foreignRecord('API key', id, 2, 1))
  expect(mock.journal.last()?.reason).toBe(
    `404: API key ${id} belongs to user 2, not to the caller (user 1)`,
  )
  expect(text).not.toContain('belongs')
  expect(text).toBe(
    await (await createVoiceableMock().fetch(`${BASE}/api_keys/999`, { headers: KEY })).text(),
  )
  for (const method of ['PUT', 'DELETE'])
    expect(
      await reasonOf(mock, `/api_keys/${id}`, {
        method,
        headers: { ...KEY, 'Content-Type': 'application/json' },
        body: '{"api_key":{"name":"x"}}',
      }),
    ).toContain('belongs to user 2')
})

it('says when there is no such record, cast or not', async () => {
  const mock = createVoiceableMock()
  expect(await reasonOf(mock, '/api_keys/999')).toBe('404: there is no API key 999')
  expect(await reasonOf(mock, '/api_keys/abc')).toBe('404: there is no API key "abc"')
  expect(await reasonOf(mock, '/agents/9999')).toBe('404: there is no agent "9999"')
  const token = await mock.store.issueToken(2)
  expect(
    await reasonOf(mock, '/agents/123', { headers: { Authorization: `Bearer ${token}` } }),
  ).toBe('404: agent "123" belongs to user 1, not to the caller (user 2)')
})

it('words the pipeline refusals', async () => {
  const mock = createVoiceableMock({ rateLimit: { limit: 3, windowSeconds: 60 } })
  expect(await reasonOf(mock, '/api_keys', {})).toBe('401: no credential')
  expect(await reasonOf(mock, '/api_keys', { headers: { 'X-API-Key': 'nope' } })).toBe(
    '401: the API key is not valid or has been revoked',
  )
  expect(await reasonOf(mock, '/nowhere')).toBe('404: no route matches GET /api/v1/nowhere')
  expect(
    await reasonOf(mock, '/api_keys', {
      headers: { ...KEY, 'X-Voiceable-Mock-Scenario': 'nope' },
    }),
  ).toBe('400: unknown scenario "nope" in the scenario header')
  const readOnly = createVoiceableMock({ publicKeyAccess: 'read-only' })
  const pk = readOnly.store.createApiKey(1, { name: 'p', key_type: 'public' }).key_value
  expect(
    await reasonOf(readOnly, '/api_keys', {
      method: 'POST',
      headers: { 'X-API-Key': pk, 'Content-Type': 'application/json' },
      body: '{}',
    }),
  ).toBe('403: public keys cannot write')
  const forbidden = createVoiceableMock()
  const forbiddenKey = forbidden.store.createApiKey(1, { name: 'p', key_type: 'public' }).key_value
  expect(await reasonOf(forbidden, '/api_keys', { headers: { 'X-API-Key': forbiddenKey } })).toBe(
    REASONS.publicKeyForbidden,
  )
  mock.reset()
  for (let i = 0; i < 3; i++) await mock.fetch(`${BASE}/api_keys`, { headers: KEY })
  expect(await reasonOf(mock, '/api_keys')).toBe(
    '429: 4 requests in the current window (the limit is 3 per 60 s)',
  )
})

it('names an injected fault and the endpoint it struck', async () => {
  const mock = createVoiceableMock()
  mock.faults.error(503, { endpoint: 'listApiKeys', times: 1 })
  expect(await reasonOf(mock, '/api_keys')).toBe('injected fault: error 503 on listApiKeys')
  mock.faults.networkError({ endpoint: 'getApiKey', times: 1 })
  expect(await reasonOf(mock, '/api_keys/1')).toBe('injected fault: network error on getApiKey')
  mock.faults.exhaustRateLimit({ userId: 1 })
  expect(await reasonOf(mock, '/api_keys/1')).toBe(
    '429: 1001 requests in the current window (the limit is 1000 per 60 s)',
  )
})

it('says who was answered on success, and how many records a list held', async () => {
  const mock = createVoiceableMock({ scenario: 'empty' })
  const token = await mock.store.issueToken(1)
  expect(await reasonOf(mock, '/agents', { headers: { Authorization: `Bearer ${token}` } })).toBe(
    '200: listAgents answered user 1 (JWT) with 0 records',
  )
  const other = createVoiceableMock()
  expect(await reasonOf(other, '/api_keys/1')).toBe('200: getApiKey answered user 1 (private key)')
  expect(
    await reasonOf(other, '/auth/sign_in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { email: 'user@example.com', password: 'password' } }),
    }),
  ).toBe('200: signIn answered a caller without a credential')
})

it('says why a sign-in was refused, though the answer never does', async () => {
  const mock = createVoiceableMock()
  const signIn = (user: object) =>
    reasonOf(mock, '/auth/sign_in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user }),
    })
  expect(await signIn({ email: 'user@example.com', password: 'nope' })).toBe(
    '401: wrong password for user 1 (user@example.com)',
  )
  expect(await signIn({ email: 'who@example.com', password: 'password' })).toBe(
    '401: no user has the email "who@example.com"',
  )
  expect(await signIn({ email: 'user@example.com' })).toBe(
    '401: the body has no email or no password',
  )
})

it('gives a validation failure its problems', async () => {
  const mock = createVoiceableMock()
  expect(
    await reasonOf(mock, '/api_keys', {
      method: 'POST',
      headers: { ...KEY, 'Content-Type': 'application/json' },
      body: '{"api_key":{"key_type":"private"}}',
    }),
  ).toBe("422: Name can't be blank")
})
