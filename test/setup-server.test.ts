import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { createVoiceableMock, DOCUMENTED_API_KEY, DOCUMENTED_KEY_VALUE, ERROR_MESSAGES, SUCCESS_MESSAGES } from '../src/index.js'
import { startMswServer } from './support/msw-server.js'

// Runs on both CI legs: msw 2 on Node 20 and msw 3 on Node 22, through msw's own setupServer
// and the global fetch, exactly as a user's test would.
const BASE = 'https://api.example.com/api/v1'
const mock = createVoiceableMock()
const server = startMswServer(mock.handlers)

beforeAll(() => {
  expect(server.listHandlers()).toHaveLength(mock.handlers.length)
})
afterEach(() => {
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())

it('answers GET /api_keys/1 with the documented key over fetch', async () => {
  const response = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE } })

  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(await response.json()).toEqual({
    status: { code: 200, message: SUCCESS_MESSAGES.read },
    data: { ...DOCUMENTED_API_KEY, key_value: null },
  })
})

it('returns the new key_value once when a key is created over fetch', async () => {
  const response = await fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE, 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name: 'CI key', key_type: 'private' } }),
  })
  const created = (await response.json()) as { data: { id: number; key_value: string } }

  expect(response.status).toBe(201)
  expect(created.data.key_value).toMatch(/^sk_/)
  const reread = await fetch(`${BASE}/api_keys/${created.data.id}`, { headers: { 'X-API-Key': created.data.key_value } })
  expect(((await reread.json()) as { data: { key_value: unknown } }).data.key_value).toBeNull()
})

it('answers a wrong key with 401 over fetch', async () => {
  const response = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': 'not-a-key' } })

  expect(response.status).toBe(401)
  expect(await response.json()).toMatchObject({ error: 'unauthorized', errors: [ERROR_MESSAGES.invalidApiKey] })
})

it('rejects a request that no handler answers', async () => {
  // msw reports the unhandled request with console.error before failing it; that report is the
  // expected outcome here, so it is captured instead of failing the test.
  const report = vi.mocked(console.error).mockImplementation(() => undefined)

  await expect(fetch('https://elsewhere.example.org/ping')).rejects.toThrow()
  expect(report).toHaveBeenCalledWith(expect.stringContaining('https://elsewhere.example.org/ping'))
})
