import { expect, it } from 'vitest'
import { createStore } from '../../store/store.js'

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
