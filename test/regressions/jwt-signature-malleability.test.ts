// Found by the model test (test/reliability/model.test.ts): the last base64url character of an
// HS256 signature carries two spare bits that `atob` ignores, so a token whose last character
// was changed to one of three others still verified. A tampered token must always answer 401.
import { getResponse } from 'msw'
import { expect, it } from 'vitest'
import { createVoiceableMock, ERROR_MESSAGES } from 'voiceable-mock'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

it('rejects every token whose last signature character was changed', async () => {
  const mock = createVoiceableMock()
  const token = await mock.store.issueToken(1)
  const last = token.at(-1) as string
  const statuses = new Map<number, number>()
  for (const char of ALPHABET.replace(last, '')) {
    const tampered = token.slice(0, -1) + char
    const response = await getResponse(
      mock.handlers,
      new Request('https://api.example.com/api/v1/api_keys', {
        headers: { Authorization: `Bearer ${tampered}` },
      }),
    )
    statuses.set(response?.status ?? 0, (statuses.get(response?.status ?? 0) ?? 0) + 1)
    if (response?.status === 401)
      expect(((await response.json()) as { errors: string[] }).errors).toEqual([
        ERROR_MESSAGES.invalidToken,
      ])
  }
  expect(Object.fromEntries(statuses)).toEqual({ 401: ALPHABET.length - 1 })
})

it('still accepts the token as issued', async () => {
  const mock = createVoiceableMock()
  const token = await mock.store.issueToken(1)
  const response = await getResponse(
    mock.handlers,
    new Request('https://api.example.com/api/v1/api_keys', {
      headers: { Authorization: `Bearer ${token}` },
    }),
  )
  expect(response?.status).toBe(200)
})
