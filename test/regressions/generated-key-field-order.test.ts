// Found by the model test (test/reliability/model.test.ts): generated keys were built with `id`
// spread in last, so every generated key went over the wire with `id` as its last field instead
// of the documented order (`id, key_type, name, key_value, …`).
import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createVoiceableMock } from 'voiceable-mock'

const DOCUMENTED_FIELD_ORDER = [
  'id',
  'key_type',
  'name',
  'key_value',
  'allowed_origins',
  'allowed_assistants',
  'transient_assistant',
  'user_id',
  'user_email',
  'created_at',
  'updated_at',
]

it('sends generated keys with their fields in the documented order', async () => {
  const mock = createVoiceableMock({ scenario: 'multi-tenant' })
  const other = mock.store.listUsers().find((user) => user.id !== 1 && user.apiKey !== null)
  const response = await getResponse(
    mock.handlers,
    new Request('https://api.example.com/api/v1/api_keys', {
      headers: { 'X-API-Key': other?.apiKey ?? '' },
    }),
  )
  const { data } = (await response?.json()) as { data: Record<string, unknown>[] }
  expect(data.length).toBeGreaterThan(0)
  for (const key of data) expect(Object.keys(key)).toEqual(DOCUMENTED_FIELD_ORDER)
})

it('keeps the documented field order in snapshots of generated keys', () => {
  const mock = createVoiceableMock({ scenario: 'many-keys' })
  for (const key of mock.snapshot().api_keys)
    expect(Object.keys(key)).toEqual(DOCUMENTED_FIELD_ORDER)
})
