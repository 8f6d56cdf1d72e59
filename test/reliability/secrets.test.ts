/**
 * Secrets: key values and tokens never show up in the request journal or in error bodies, and
 * snapshots keep them (a restored store must still authenticate).
 */
import { getResponse } from 'msw'
import { afterAll, expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE, type VoiceableMock } from 'voiceable-mock'
import { recordFigures } from './figures.js'

const BASE = 'https://api.example.com/api/v1'
const figures = { requests: 0, 'error bodies checked': 0 }

afterAll(() => recordFigures('secrets', figures))

async function call(
  mock: VoiceableMock,
  method: string,
  path: string,
  headers: Record<string, string> | [string, string][],
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const all = new Headers(headers)
  if (body !== undefined && !all.has('content-type')) all.set('Content-Type', 'application/json')
  const init: RequestInit = {
    method,
    headers: all,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  }
  const response = await getResponse(mock.handlers, new Request(`${BASE}${path}`, init))
  figures.requests++
  return { status: response?.status ?? 0, text: (await response?.text()) ?? '' }
}

/** A session that uses every kind of credential, right and wrong, on every endpoint; returns every secret it saw. */
async function busySession(
  mock: VoiceableMock,
): Promise<{ secrets: string[]; errorBodies: string[] }> {
  const secrets = [DOCUMENTED_KEY_VALUE]
  const errorBodies: string[] = []
  const record = (result: { status: number; text: string }) => {
    if (result.status >= 400) errorBodies.push(result.text)
    return result
  }
  const jwt = await mock.store.issueToken(1)
  const expired = await mock.store.issueToken(1, { expiresInSeconds: 0 })
  const other = mock.store.createUser()
  secrets.push(jwt, expired, other.apiKey)
  const tampered = `${jwt.slice(0, -2)}${jwt.at(-2) === 'A' ? 'B' : 'A'}${jwt.at(-1) ?? ''}`
  const created = JSON.parse(
    record(
      await call(
        mock,
        'POST',
        '/api_keys',
        { 'X-API-Key': DOCUMENTED_KEY_VALUE },
        { api_key: { name: 'Secret holder', key_type: 'private' } },
      ),
    ).text,
  ) as { data: { id: number; key_value: string } }
  const publicKey = JSON.parse(
    record(
      await call(
        mock,
        'POST',
        '/api_keys',
        { Authorization: `Bearer ${jwt}` },
        { api_key: { name: 'Widget', key_type: 'public' } },
      ),
    ).text,
  ) as { data: { id: number; key_value: string } }
  secrets.push(created.data.key_value, publicKey.data.key_value)
  record(
    await call(mock, 'DELETE', `/api_keys/${created.data.id}`, {
      'X-API-Key': created.data.key_value,
    }),
  )
  const credentialSets: (Record<string, string> | [string, string][])[] = [
    { 'X-API-Key': created.data.key_value }, // revoked
    { Authorization: `Bearer ${created.data.key_value}` },
    { 'X-API-Key': publicKey.data.key_value }, // 403
    { Authorization: `Bearer ${expired}` },
    { Authorization: `Bearer ${tampered}` },
    { 'X-API-Key': tampered },
    { Authorization: `Token ${jwt}` },
    { Authorization: `Bearer ${jwt} ${jwt}` },
    { Authorization: `Bearer ${DOCUMENTED_KEY_VALUE}, Bearer ${jwt}` },
    [
      ['Authorization', `Bearer ${jwt}`],
      ['Authorization', `Bearer ${other.apiKey}`],
    ],
    { 'X-API-Key': DOCUMENTED_KEY_VALUE, Authorization: `Bearer ${other.apiKey}` }, // two users
    { 'X-API-Key': `${DOCUMENTED_KEY_VALUE} ${other.apiKey}` },
    { 'X-API-Key': `${DOCUMENTED_KEY_VALUE}x` },
  ]
  const targets: [string, string, unknown?][] = [
    ['GET', '/api_keys'],
    ['POST', '/api_keys', { api_key: { name: 'x', key_type: 'private' } }],
    ['GET', '/api_keys/1'],
    ['PUT', '/api_keys/1', { api_key: { name: 'y' } }],
    ['DELETE', '/api_keys/999'],
    ['PATCH', '/api_keys'],
  ]
  for (const headers of credentialSets)
    for (const [method, path, body] of targets)
      record(await call(mock, method, path, headers, body))
  // Errors of a valid caller: validation, bad JSON, wrong type, too large, missing and foreign ids, injected faults.
  const valid = { 'X-API-Key': DOCUMENTED_KEY_VALUE }
  record(await call(mock, 'POST', '/api_keys', valid, { api_key: { name: '', key_type: 'root' } }))
  record(await call(mock, 'POST', '/api_keys', valid, '{"api_key":'))
  record(
    await call(
      mock,
      'POST',
      '/api_keys',
      { ...valid, 'Content-Type': 'text/plain' },
      '{"api_key":{}}',
    ),
  )
  record(
    await call(mock, 'PUT', `/api_keys/${publicKey.data.id + 100}`, valid, {
      api_key: { name: 'z' },
    }),
  )
  record(
    await call(mock, 'GET', `/api_keys/${mock.store.listApiKeys(other.id)[0]?.id ?? 2}`, valid),
  )
  mock.faults.error(503, { times: 1 })
  record(await call(mock, 'GET', '/api_keys', valid))
  mock.faults.exhaustRateLimit({ userId: 1 })
  record(await call(mock, 'GET', '/api_keys', { Authorization: `Bearer ${jwt}` }))
  return { secrets, errorBodies }
}

it('never puts a key value or a token in the journal', async () => {
  const mock = createVoiceableMock()
  const { secrets } = await busySession(mock)
  const journal = JSON.stringify(mock.journal.entries())
  expect(mock.journal.count()).toBeGreaterThan(80)
  for (const secret of secrets)
    expect(journal.includes(secret), `journal holds ${secret.slice(0, 8)}…`).toBe(false)
  // A journal entry has no place for request headers at all.
  for (const entry of mock.journal.entries()) expect(Object.keys(entry)).not.toContain('headers')
})

it('masks the secret of a created key in the journal, keeping its prefix', async () => {
  const mock = createVoiceableMock()
  const { text } = await call(
    mock,
    'POST',
    '/api_keys',
    { 'X-API-Key': DOCUMENTED_KEY_VALUE },
    { api_key: { name: 'Masked', key_type: 'public' } },
  )
  const secret = (JSON.parse(text) as { data: { key_value: string } }).data.key_value
  const entry = mock.journal.last({ endpoint: 'createApiKey' })
  expect((entry?.response as { data: { key_value: string } }).data.key_value).toBe(
    'pk_live_********',
  )
  expect(JSON.stringify(entry)).not.toContain(secret)
})

it('never echoes a credential in an error body', async () => {
  const mock = createVoiceableMock()
  const { secrets, errorBodies } = await busySession(mock)
  expect(errorBodies.length).toBeGreaterThan(80)
  for (const body of errorBodies)
    for (const secret of secrets)
      expect(
        body.includes(secret),
        `error body holds ${secret.slice(0, 8)}…: ${body.slice(0, 200)}`,
      ).toBe(false)
  figures['error bodies checked'] += errorBodies.length
})

it('keeps every secret in a snapshot, so a restored store still authenticates', async () => {
  const mock = createVoiceableMock()
  await busySession(mock)
  const jwt = await mock.store.issueToken(1)
  const snapshot = JSON.parse(JSON.stringify(mock.snapshot())) as ReturnType<
    VoiceableMock['snapshot']
  >
  const live = snapshot.api_keys.map((key) => key.key_value)
  expect(live).toContain(DOCUMENTED_KEY_VALUE)
  const restored = createVoiceableMock({ snapshot })
  for (const key of snapshot.api_keys) {
    const { status } = await call(restored, 'GET', `/api_keys/${key.id}`, {
      Authorization: `Bearer ${key.key_value}`,
    })
    // Public keys authenticate too; they are then forbidden on these endpoints.
    expect(status, `key ${key.id}`).toBe(key.key_type === 'public' ? 403 : 200)
  }
  expect(
    (await call(restored, 'GET', '/api_keys', { Authorization: `Bearer ${jwt}` })).status,
  ).toBe(200)
  // Restoring into the same mock brings revoked keys back only if the snapshot had them.
  const revoked = mock.journal
    .entries({ endpoint: 'deleteApiKey', status: 200 })
    .map((entry) => entry.keyId)
  for (const id of revoked) expect(snapshot.api_keys.some((key) => key.id === id)).toBe(false)
})

it('never puts a password in a response, an error body or the journal', async () => {
  const mock = createVoiceableMock({ revealKeyValues: true })
  const passwords = ['ada-Secret-1', 'grace-Secret-2', 'wrong-Secret-3']
  mock.store.createUser({ email: 'ada@example.com', password: passwords[0] as string })
  const bodies: string[] = []
  const send = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) => bodies.push((await call(mock, method, path, headers, body)).text)
  const none = {}
  await send('POST', '/auth/sign_in', none, {
    user: { email: 'ada@example.com', password: passwords[0] },
  })
  await send('POST', '/auth/sign_in', none, {
    user: { email: 'ada@example.com', password: passwords[2] },
  })
  await send('POST', '/auth/sign_up', none, {
    user: {
      email: 'grace@example.org',
      password: passwords[1],
      password_confirmation: passwords[2],
    },
  })
  await send('POST', '/auth/sign_up', none, {
    user: { email: 'grace@example.org', password: passwords[1] },
  })
  await send('POST', '/auth/sign_up', none, `{"user":{"password":"${passwords[1]}"`)
  await send('POST', '/auth/sign_in', { 'Content-Type': 'text/plain' }, `password=${passwords[0]}`)
  const valid = { 'X-API-Key': DOCUMENTED_KEY_VALUE }
  for (const [method, path] of [
    ['GET', '/user/current'],
    ['GET', '/api_keys'],
    ['GET', '/agents'],
    ['GET', '/agents/123'],
    ['DELETE', '/auth/sign_out'],
  ] as const)
    await send(method, path, valid)
  const journal = JSON.stringify(mock.journal.entries())
  expect(bodies).toHaveLength(11)
  for (const password of [...passwords, 'password'])
    for (const text of [...bodies, journal]) {
      // `password` is also a field name; only its value as one would be a leak.
      const leaked =
        password === 'password' ? text.includes(':"password"') : text.includes(password)
      expect(leaked, `a password in ${text.slice(0, 200)}`).toBe(false)
    }
  figures['error bodies checked'] += bodies.length
})
