import { expect, it } from 'vitest'
import { createMockInternals } from '../mock.js'
import { describeStore, INSPECTOR_MAX_RECORDS } from './inspector-data.js'

it('lists users by id with their password, and each collection per user, secrets masked', () => {
  const internals = createMockInternals()
  const data = describeStore(internals)
  expect(data.scenario).toBe('documented')
  expect(data.collections).toEqual([
    { key: 'api_keys', label: 'API key', owned: true },
    { key: 'agents', label: 'agent', owned: true },
    { key: 'phone_numbers', label: 'phone number', owned: true },
    { key: 'conversations', label: 'conversation', owned: true },
    { key: 'integrations', label: 'integration', owned: true },
    { key: 'campaigns', label: 'campaign', owned: true },
    { key: 'outcome_definitions', label: 'outcome definition', owned: true },
    { key: 'agent_functions', label: 'agent function', owned: true },
    { key: 'escalations', label: 'escalation', owned: true },
    { key: 'agent_files', label: 'agent file', owned: true },
    { key: 'uploads', label: 'upload', owned: true },
  ])
  const [first] = data.users
  expect(first?.record).toMatchObject({ id: 1, email: 'user@example.com', password: 'password' })
  expect(first?.records['api_keys']?.records[0]).toMatchObject({ id: 1, key_value: '********' })
  expect(first?.records['agents']?.records.map((agent) => agent['id'])).toContain('123')
  expect(data.totalUsers).toBe(internals.mock.store.listUsers().length)
  const text = JSON.stringify(data)
  for (const user of internals.mock.store.listUsers())
    if (user.apiKey !== null) expect(text).not.toContain(user.apiKey)
  expect(text).not.toContain(String(internals.mock.snapshot().token_secret))
  const integrations = first?.records['integrations']?.records ?? []
  expect(integrations[0]).toMatchObject({ config: { api_key: 'sk_***' } })
  for (const integration of internals.mock.snapshot().integrations)
    for (const secret of Object.values(integration.config))
      if (typeof secret === 'string' && secret.length > 6) expect(text).not.toContain(secret)
})

it('lists at most the first records of a large collection, and counts them all', () => {
  const internals = createMockInternals({ scenario: 'many-keys' })
  const keys = describeStore(internals).users[0]?.records['api_keys']
  expect(keys?.total).toBe(500)
  expect(keys?.records).toHaveLength(INSPECTOR_MAX_RECORDS)
})

it('says when the store started from a snapshot', () => {
  const source = createMockInternals()
  const internals = createMockInternals({ snapshot: source.mock.snapshot() })
  expect(describeStore(internals).scenario).toBeNull()
})
