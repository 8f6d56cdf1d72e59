// The three checks every consumer makes, over real HTTP against a running fake at `base`
// (for the consumers that start a server: the ./node entry and the bin). Throws on the first failure.
import assert from 'node:assert/strict'

export const DOCUMENTED_BODY = {
  status: { code: 200, message: 'Success' },
  data: {
    id: 1,
    key_type: 'private',
    name: 'Production API Key',
    key_value: null,
    allowed_origins: ['https://example.com'],
    allowed_assistants: ['123'],
    transient_assistant: false,
    user_id: 1,
    user_email: 'user@example.com',
    created_at: '2024-01-10T08:00:00Z',
    updated_at: '2024-01-10T08:00:00Z',
  },
}

export async function checkApiKeys(base) {
  const signal = AbortSignal.timeout(10_000)
  const read = await fetch(`${base}/api_keys/1`, {
    headers: { 'X-API-Key': 'your-api-key-here' },
    signal,
  })
  assert.equal(read.status, 200)
  assert.deepEqual(await read.json(), DOCUMENTED_BODY)

  const created = await fetch(`${base}/api_keys`, {
    method: 'POST',
    headers: { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name: 'Consumer key', key_type: 'private' } }),
    signal,
  })
  assert.equal(created.status, 201)
  assert.match((await created.json()).data.key_value, /^sk_/)

  const denied = await fetch(`${base}/api_keys/1`, {
    headers: { 'X-API-Key': 'not-a-key' },
    signal,
  })
  assert.equal(denied.status, 401)
  assert.equal((await denied.json()).error, 'unauthorized')
}

/** The API base inside a server's announcement: its first loopback URL, `/api/v1` if it names no path. */
export function findBaseUrl(text) {
  const match = /https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\]):\d+(?:\/[\w./-]*[\w-])?/.exec(text)
  if (match === null) return undefined
  const url = new URL(match[0])
  return url.pathname === '/' ? `${url.origin}/api/v1` : `${url.origin}${url.pathname}`
}
