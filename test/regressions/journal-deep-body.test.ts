// Found by the hostile-input corpus (test/reliability/hostile.test.ts): a request body nested
// 100,000 levels deep is valid JSON, but the journal kept it parsed and `journal.entries()` /
// `journal.last()` copied entries with `structuredClone`, which overflowed the stack: one hostile
// request broke every later read of the journal. (Such a body is now refused with 400, as Ruby's
// JSON parser refuses nesting past 100; the journal must still record it and stay readable.)
import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createVoiceableMock } from 'voiceable-mock'

const DEPTH = 100_000

it('keeps reading the journal after a deeply nested request body', async () => {
  const mock = createVoiceableMock()
  const body = `{"api_key":{"name":"Deep","key_type":"private","extra":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}}`
  const response = await getResponse(
    mock.handlers,
    new Request('https://api.example.com/api/v1/api_keys', {
      method: 'POST',
      headers: { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' },
      body,
    }),
  )
  expect(response?.status).toBe(400)
  const entry = mock.journal.last()
  expect(entry?.status).toBe(400)
  expect(entry?.body).toBe(body)
  expect(mock.journal.entries()).toHaveLength(1)
})

it('still keeps ordinary bodies parsed', async () => {
  const mock = createVoiceableMock()
  const body = {
    api_key: { name: 'Shallow', key_type: 'private', allowed_origins: ['[{"not":"nesting"}]'] },
  }
  await getResponse(
    mock.handlers,
    new Request('https://api.example.com/api/v1/api_keys', {
      method: 'POST',
      headers: { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )
  expect(mock.journal.last()?.body).toEqual(body)
})
