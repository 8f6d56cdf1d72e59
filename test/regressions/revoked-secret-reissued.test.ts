// Found by the model test (test/reliability/model.test.ts): secrets were only checked against
// live keys, and the seeded generator replays its sequence from the start of every store and
// after `reset()`. A store restored from a snapshot (or started from one, like the demo server's
// data file) could therefore hand a deleted key's secret to a new key: the revoked secret
// authenticated again, as another user. Secrets of keys created at run time now come from
// WebCrypto's random source, not the seeded sequence, so no timeline can replay them (and the
// seeded bulk generator skips secrets deleted in the store's lifetime).
import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createVoiceableMock, ERROR_MESSAGES, type VoiceableMock } from 'voiceable-mock'

async function statusWith(
  mock: VoiceableMock,
  secret: string,
): Promise<{ status: number; errors: string[] }> {
  const response = await getResponse(
    mock.handlers,
    new Request('https://api.example.com/api/v1/api_keys', { headers: { 'X-API-Key': secret } }),
  )
  return {
    status: response?.status ?? 0,
    errors: ((await response?.json()) as { errors?: string[] }).errors ?? [],
  }
}

it('never gives a deleted key’s secret to a new key after snapshot, reset and restore', async () => {
  const mock = createVoiceableMock({ scenario: 'empty' })
  const first = mock.store.createUser()
  const snapshot = mock.snapshot()
  mock.reset()
  mock.restore(snapshot)
  const keyId = mock.store.listApiKeys(first.id)[0]?.id as number
  expect(mock.store.deleteApiKey(first.id, keyId)).toBe(true)
  const second = mock.store.createUser()
  expect(second.apiKey).not.toBe(first.apiKey)
  expect(await statusWith(mock, first.apiKey)).toEqual({
    status: 401,
    errors: [ERROR_MESSAGES.invalidApiKey],
  })
})

it('never gives a deleted key’s secret to a new key in a store started from a snapshot', async () => {
  // Two runs of a store started from a data file, the second from what the first saved.
  const dataFile = createVoiceableMock({ scenario: 'empty' }).snapshot()
  const original = createVoiceableMock({ snapshot: dataFile })
  const first = original.store.createUser()
  const mock = createVoiceableMock({ snapshot: original.snapshot() })
  const keyId = mock.store.listApiKeys(first.id)[0]?.id as number
  mock.store.deleteApiKey(first.id, keyId)
  const second = mock.store.createUser()
  expect(second.apiKey).not.toBe(first.apiKey)
  expect((await statusWith(mock, first.apiKey)).status).toBe(401)
})

it('never replays a created secret after reset, nor in another store with the same seed', () => {
  const mock = createVoiceableMock({ scenario: 'empty' })
  const before = mock.store.createUser()
  mock.store.deleteApiKey(before.id, mock.store.listApiKeys(before.id)[0]?.id as number)
  mock.reset()
  const after = mock.store.createUser().apiKey
  expect(after).not.toBe(before.apiKey)
  expect(createVoiceableMock({ scenario: 'empty' }).store.createUser().apiKey).not.toBe(after)
  expect(after).toMatch(/^sk_live_[A-Za-z0-9]{24}$/)
})
