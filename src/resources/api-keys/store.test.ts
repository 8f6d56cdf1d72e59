import { expect, it } from 'vitest'
import { createStore } from '../../store/store.js'

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

it('generates large stores with unique ids and secrets', () => {
  const store = createStore({ scenario: 'empty' })
  store.generateApiKeys(1, 5000)
  const snapshot = store.snapshot()
  expect(new Set(snapshot.api_keys.map((key) => key.id)).size).toBe(5000)
  expect(new Set(snapshot.api_keys.map((key) => key.key_value)).size).toBe(5000)
  expect(store.listApiKeys(1).map((key) => key.id)).toEqual(snapshot.api_keys.map((key) => key.id))
})
