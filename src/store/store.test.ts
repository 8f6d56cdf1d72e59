import { expect, it } from 'vitest'
import { createStore } from './store.js'

const SEEDS = [42, 1337, 1211]

it.each(SEEDS)('builds deep-equal data for the same seed (%i)', (seed) => {
  expect(createStore({ seed }).snapshot()).toEqual(createStore({ seed }).snapshot())
})

it('builds different generated data for different seeds, with the same documented key 1', () => {
  const a = createStore({ seed: 1 }).snapshot()
  const b = createStore({ seed: 2 }).snapshot()
  expect(a.users.slice(1)).not.toEqual(b.users.slice(1))
  expect(a.api_keys[0]).toEqual(b.api_keys[0])
})

it('pins the default seed: users and the first generated keys', () => {
  const snapshot = createStore().snapshot()
  // The fields users had before accounts: they stay what they were (the new ones are pinned below).
  expect(snapshot.users.map(({ id, email }) => ({ id, email }))).toMatchInlineSnapshot(`
    [
      {
        "email": "user@example.com",
        "id": 1,
      },
      {
        "email": "sigmund_johnson14@example.net",
        "id": 2,
      },
      {
        "email": "maynard16@example.org",
        "id": 3,
      },
      {
        "email": "kenyatta1@example.com",
        "id": 4,
      },
      {
        "email": "quincy.upton28@example.org",
        "id": 5,
      },
    ]
  `)
  expect(snapshot.api_keys.map((key) => [key.id, key.user_id, key.key_type, key.created_at]))
    .toMatchInlineSnapshot(`
    [
      [
        1,
        1,
        "private",
        "2024-01-10T08:00:00Z",
      ],
      [
        2,
        2,
        "private",
        "2024-01-10T18:23:41Z",
      ],
      [
        3,
        3,
        "public",
        "2024-01-10T19:11:57Z",
      ],
      [
        4,
        3,
        "private",
        "2024-01-10T20:04:10Z",
      ],
      [
        5,
        3,
        "private",
        "2024-01-10T23:31:45Z",
      ],
      [
        6,
        4,
        "public",
        "2024-01-11T05:52:28Z",
      ],
      [
        7,
        4,
        "private",
        "2024-01-11T05:58:43Z",
      ],
      [
        8,
        4,
        "private",
        "2024-01-11T12:29:21Z",
      ],
      [
        9,
        5,
        "public",
        "2024-01-11T19:40:05Z",
      ],
      [
        10,
        5,
        "private",
        "2024-01-12T01:55:58Z",
      ],
    ]
  `)
})

it('resets to data deep-equal to the seeded start', () => {
  const store = createStore({ seed: 7 })
  const start = store.snapshot()
  store.createUser()
  store.deleteApiKey(1, 1)
  store.reset()
  expect(store.snapshot()).toEqual(start)
})

it('returns copies: mutating a result never changes the store', () => {
  const store = createStore()
  const key = store.getApiKey(1, 1)
  key?.allowed_origins.push('https://evil.example')
  store.listApiKeys(1)[0]?.allowed_assistants.push('999')
  expect(store.getApiKey(1, 1)?.allowed_origins).toEqual(['https://example.com'])
  expect(store.getApiKey(1, 1)?.allowed_assistants).toEqual(['123'])
})

it('scopes every key operation to its owner', () => {
  const store = createStore({ scenario: 'empty' })
  const ada = store.createUser({ email: 'ada@example.com' })
  const bob = store.createUser({ email: 'bob@example.com' })
  const adaKey = store.listApiKeys(ada.id)[0]
  expect(adaKey).toBeDefined()
  const id = adaKey?.id ?? 0
  expect(store.getApiKey(bob.id, id)).toBeUndefined()
  expect(store.updateApiKey(bob.id, id, { name: 'stolen' })).toBeUndefined()
  expect(store.deleteApiKey(bob.id, id)).toBe(false)
  expect(store.listApiKeys(bob.id).map((key) => key.id)).not.toContain(id)
  expect(store.getApiKey(ada.id, id)?.name).toBe('Default API Key')
})

it('never reuses an id after a delete', () => {
  const store = createStore({ scenario: 'empty' })
  const first = store.createApiKey(1, { name: 'a', key_type: 'private' })
  store.deleteApiKey(1, first.id)
  const second = store.createApiKey(1, { name: 'b', key_type: 'private' })
  expect(second.id).toBe(first.id + 1)
})

it('returns the secret from createApiKey only, and revokes it on delete', () => {
  const store = createStore({ scenario: 'empty' })
  const created = store.createApiKey(1, { name: 'a', key_type: 'public' })
  expect(created.key_value).toMatch(/^pk_live_[A-Za-z0-9]{24}$/)
  expect(store.getApiKey(1, created.id)?.key_value).toBeNull()
  expect(store.authenticateKeyValue(created.key_value)?.user.id).toBe(1)
  store.deleteApiKey(1, created.id)
  expect(store.authenticateKeyValue(created.key_value)).toBeUndefined()
})

it('bumps updated_at only when a field changes, and never moves it back', () => {
  let now = new Date('2024-02-01T00:00:00Z')
  const store = createStore({ now: () => now })
  expect(store.updateApiKey(1, 1, { name: 'Production API Key' })?.updated_at).toBe(
    '2024-01-10T08:00:00Z',
  )
  expect(store.updateApiKey(1, 1, { name: 'Renamed' })?.updated_at).toBe('2024-02-01T00:00:00Z')
  now = new Date('2023-01-01T00:00:00Z')
  expect(store.updateApiKey(1, 1, { name: 'Again' })?.updated_at).toBe('2024-02-01T00:00:00Z')
  expect(store.getApiKey(1, 1)?.created_at).toBe('2024-01-10T08:00:00Z')
})

it('refuses a key-value generator that keeps returning a secret in use', () => {
  const store = createStore({ generateKeyValue: () => 'your-api-key-here' })
  expect(() => store.createApiKey(1, { name: 'a', key_type: 'private' })).toThrow(/already in use/)
  expect(store.countApiKeys()).toBe(createStore().countApiKeys())
})

it('lists a user with the secret of their first private key', () => {
  const store = createStore({ scenario: 'empty' })
  expect(store.listUsers()).toEqual([
    { id: 1, email: 'user@example.com', password: 'password', apiKey: null },
  ])
  const created = store.createUser({ email: 'ada@example.com' })
  expect(store.listUsers()[1]).toEqual({
    id: created.id,
    email: 'ada@example.com',
    password: 'password',
    apiKey: created.apiKey,
  })
  expect(store.authenticateKeyValue(created.apiKey)?.user).toMatchObject({
    id: created.id,
    email: 'ada@example.com',
  })
})

it('issues tokens that authenticate until they expire', async () => {
  let now = new Date('2024-01-15T10:30:00Z')
  const store = createStore({ now: () => now, tokenTtlSeconds: 60 })
  const token = await store.issueToken(1)
  expect(await store.authenticateToken(token)).toMatchObject({
    ok: true,
    principal: { user: { id: 1 }, keyType: 'jwt' },
  })
  now = new Date('2024-01-15T10:31:00Z')
  expect(await store.authenticateToken(token)).toEqual({ ok: false, reason: 'expired' })
  await expect(store.issueToken(99)).rejects.toThrow(/no such user/)
})

it('keeps tokens valid across snapshot and restore, and rejects them in another store', async () => {
  const store = createStore({ seed: 3 })
  const token = await store.issueToken(1)
  const saved = store.snapshot()
  const restored = createStore({ seed: 99, snapshot: saved })
  expect((await restored.authenticateToken(token)).ok).toBe(true)
  expect(await createStore({ seed: 4 }).authenticateToken(token)).toEqual({
    ok: false,
    reason: 'signature',
  })
})

it('generates large stores with unique ids and secrets', () => {
  const store = createStore({ scenario: 'empty' })
  store.generateApiKeys(1, 5000)
  const snapshot = store.snapshot()
  expect(new Set(snapshot.api_keys.map((key) => key.id)).size).toBe(5000)
  expect(new Set(snapshot.api_keys.map((key) => key.key_value)).size).toBe(5000)
  expect(store.listApiKeys(1).map((key) => key.id)).toEqual(snapshot.api_keys.map((key) => key.id))
})

it('finds users by email as Devise does, and checks passwords exactly', () => {
  const store = createStore()
  expect(store.findUserByEmail('  USER@example.COM ')?.id).toBe(1)
  expect(store.authenticatePassword('user@example.com', 'password')?.id).toBe(1)
  expect(store.authenticatePassword('user@example.com', 'Password')).toBeUndefined()
  expect(store.authenticatePassword('nobody@example.com', 'password')).toBeUndefined()
  // Never a password in a user the store hands out.
  expect(store.getUser(1)).not.toHaveProperty('password')
  expect(store.authenticateKeyValue('your-api-key-here')?.user).not.toHaveProperty('password')
})

it('signs a user up with role user, membership free, a normalized email and no API key', () => {
  const store = createStore({ now: () => new Date('2024-03-01T12:00:00Z') })
  const user = store.signUp({ email: ' Ada@Example.com ', password: 'secret1' })
  expect(user).toEqual({
    id: 6,
    email: 'ada@example.com',
    role: 'user',
    membership_status: 'free',
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  })
  expect(store.listApiKeys(user.id)).toEqual([])
  expect(store.authenticatePassword('ada@example.com', 'secret1')?.id).toBe(6)
})

it('refuses a revoked token, and only that one', async () => {
  let n = 0
  const store = createStore({ generateTokenId: () => `id-${++n}` })
  const first = await store.issueToken(1)
  const second = await store.issueToken(1)
  store.revokeTokenId('id-1')
  expect(await store.authenticateToken(first)).toEqual({ ok: false, reason: 'revoked' })
  expect(await store.authenticateToken(second)).toMatchObject({
    ok: true,
    principal: { keyType: 'jwt', tokenId: 'id-2' },
  })
  expect(store.snapshot().revoked_token_ids).toEqual(['id-1'])
  store.reset()
  expect((await store.authenticateToken(first)).ok).toBe(true)
})

it('gives tokens random ids by default, so two tokens never share one', async () => {
  const store = createStore({ now: () => new Date('2024-01-15T10:30:00Z') })
  const ids = await Promise.all(
    [1, 2].map(async () => {
      const token = await store.issueToken(1)
      const payload = token.split('.')[1] ?? ''
      return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { jti: string })
        .jti
    }),
  )
  expect(ids[0]).not.toBe(ids[1])
})
