import { expect, it } from 'vitest'
import { createStore } from '../../store/store.js'

it('reads user 1 the documented integration, its secret masked unless revealSecrets', () => {
  const store = createStore()
  expect(store.listIntegrations(1).map((item) => [item.id, item.integration_type])).toEqual([
    [1, 'elevenlabs'],
  ])
  expect(store.getIntegration(1, 'elevenlabs')?.config).toEqual({ api_key: 'sk_***' })
  expect(store.getIntegration(1, 'elevenlabs', { revealSecrets: true })?.config).toEqual({
    api_key: 'sk_your_elevenlabs_key',
  })
  expect(store.listIntegrations(1, { revealSecrets: true })[0]?.config['api_key']).toBe(
    'sk_your_elevenlabs_key',
  )
  expect(store.getIntegration(1, 'openai')).toBeUndefined()
})

it('scopes every integration operation to its owner', () => {
  const store = createStore({ scenario: 'empty' })
  const ada = store.createUser({ email: 'ada@example.com' })
  const bob = store.createUser({ email: 'bob@example.com' })
  store.createIntegration(ada.id, { integration_type: 'openai', config: { api_key: 'sk-ada' } })
  expect(store.getIntegration(bob.id, 'openai')).toBeUndefined()
  expect(store.updateIntegration(bob.id, 'openai', { config: { api_key: 'x' } })).toBeUndefined()
  expect(store.deleteIntegration(bob.id, 'openai')).toBe(false)
  expect(store.listIntegrations(bob.id)).toEqual([])
  // Bob may connect the same type: one per type and user.
  store.createIntegration(bob.id, { integration_type: 'openai', config: { api_key: 'sk-bob' } })
  expect(store.getIntegration(ada.id, 'openai', { revealSecrets: true })?.config['api_key']).toBe(
    'sk-ada',
  )
  expect(store.countIntegrations()).toBe(2)
})

it('refuses a second integration of a type, a missing required field and a field the type lacks', () => {
  const store = createStore()
  expect(() =>
    store.createIntegration(1, { integration_type: 'elevenlabs', config: { api_key: 'sk_2' } }),
  ).toThrow(new TypeError('Failed to create integration: Integration type has already been taken'))
  expect(() => store.createIntegration(1, { integration_type: 'openai', config: {} })).toThrow(
    "Failed to create integration: Config api_key can't be blank",
  )
  expect(() =>
    store.createIntegration(1, {
      integration_type: 'openai',
      config: { api_key: 'k', model: 'x' },
    }),
  ).toThrow('config.model is not a field of openai (its fields: api_key)')
  expect(() => store.updateIntegration(1, 'elevenlabs', { config: { api_key: null } })).toThrow(
    "Failed to update integration: Config api_key can't be blank",
  )
  expect(store.countIntegrations()).toBe(createStore().countIntegrations())
})

it('merges an update into the stored config and bumps updated_at only on a change', () => {
  let now = new Date('2024-02-01T00:00:00Z')
  const store = createStore({ scenario: 'empty', now: () => now })
  store.createIntegration(1, {
    integration_type: 'pipedrive',
    config: { company_domain: 'acme', api_key: 'token_1' },
  })
  now = new Date('2024-02-02T00:00:00Z')
  const same = store.updateIntegration(1, 'pipedrive', { config: { company_domain: 'acme' } })
  expect(same?.updated_at).toBe('2024-02-01T00:00:00Z')
  // The mask of the stored secret, sent back, keeps it.
  const masked = store.updateIntegration(1, 'pipedrive', { config: { api_key: 'token_***' } })
  expect(masked?.updated_at).toBe('2024-02-01T00:00:00Z')
  const renamed = store.updateIntegration(1, 'pipedrive', { config: { company_domain: 'beta' } })
  expect(renamed).toMatchObject({
    config: { api_key: 'token_***', company_domain: 'beta' },
    updated_at: '2024-02-02T00:00:00Z',
  })
  // A blank optional field is cleared; config keys keep the type's field order.
  const cleared = store.updateIntegration(1, 'pipedrive', { config: { company_domain: ' ' } })
  expect(cleared?.config).toEqual({ api_key: 'token_***' })
  const added = store.getIntegration(1, 'pipedrive', { revealSecrets: true })
  expect(added?.config).toEqual({ api_key: 'token_1' })
  now = new Date('2023-01-01T00:00:00Z')
  expect(
    store.updateIntegration(1, 'pipedrive', { config: { api_key: 'token_2' } })?.updated_at,
  ).toBe('2024-02-02T00:00:00Z')
})

it('returns copies: mutating a result never changes the store or the catalogue', () => {
  const store = createStore()
  const item = store.getIntegration(1, 'elevenlabs', { revealSecrets: true })
  if (item === undefined) throw new Error('no documented integration')
  item.config['api_key'] = 'changed'
  item.schema.required.push('other')
  item.schema.fields['api_key'] = { type: 'number' }
  expect(store.getIntegration(1, 'elevenlabs', { revealSecrets: true })).toMatchObject({
    config: { api_key: 'sk_your_elevenlabs_key' },
    schema: {
      required: ['api_key'],
      fields: { api_key: { type: 'string', description: 'ElevenLabs API key' } },
    },
  })
})

it('deletes one integration of its owner, and never reuses its id', () => {
  const store = createStore({ scenario: 'empty' })
  const first = store.createIntegration(1, { integration_type: 'twilio', config: {} })
  expect(first.config).toEqual({})
  expect(store.deleteIntegration(1, 'twilio')).toBe(true)
  expect(store.deleteIntegration(1, 'twilio')).toBe(false)
  const second = store.createIntegration(1, { integration_type: 'twilio', config: {} })
  expect(second.id).toBe(first.id + 1)
})

it('seeds no integration in empty, and only the documented one for user 1 elsewhere', () => {
  expect(createStore({ scenario: 'empty' }).countIntegrations()).toBe(0)
  for (const scenario of ['documented', 'many-keys', 'multi-tenant'] as const) {
    const store = createStore({ scenario })
    expect(store.listIntegrations(1).map((item) => item.id)).toEqual([1])
  }
  expect(createStore({ scenario: 'many-keys' }).countIntegrations()).toBe(1)
})

it.each([1, 2, 42, 1337, 1211, 7])(
  'gives ElevenLabs to some generated users and not to others (seed %i)',
  (seed) => {
    for (const scenario of ['documented', 'multi-tenant'] as const) {
      const store = createStore({ seed, scenario })
      const others = store.listUsers().filter((user) => user.id !== 1)
      const has = others.map((user) => store.getIntegration(user.id, 'elevenlabs') !== undefined)
      expect(has).toContain(true)
      expect(has).toContain(false)
      const snapshot = store.snapshot()
      // Each after its owner was created, never updated before it was created, ids in order.
      for (const record of snapshot.integrations) {
        const owner = snapshot.users.find((user) => user.id === record.user_id)
        expect(record.created_at >= (owner?.created_at ?? '')).toBe(true)
        expect(record.updated_at >= record.created_at).toBe(true)
      }
      expect(snapshot.next_integration_id).toBe(snapshot.integrations.length + 1)
    }
  },
)
