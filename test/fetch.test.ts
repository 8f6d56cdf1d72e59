import { createVoiceableMock, DOCUMENTED_KEY_VALUE, ERROR_MESSAGES } from 'voiceable-mock'
import { afterEach, expect, it, vi } from 'vitest'
import { fixture } from './support/fixtures.js'

const BASE = 'https://api.example.com/api/v1'
const KEY = { 'X-API-Key': DOCUMENTED_KEY_VALUE }

afterEach(() => {
  vi.unstubAllGlobals()
})

it('answers a string URL with the documented Get example, byte for byte', async () => {
  const mock = createVoiceableMock()
  const response = await mock.fetch(`${BASE}/api_keys/1`, { headers: KEY })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(await response.text()).toBe(JSON.stringify(fixture('get-api-key.response.json')))
  expect(response.url).toBe(`${BASE}/api_keys/1`)
})

it('accepts a URL object and a Request, with init overriding the Request', async () => {
  const mock = createVoiceableMock()
  expect((await mock.fetch(new URL(`${BASE}/api_keys`), { headers: KEY })).status).toBe(200)
  const request = new Request(`${BASE}/api_keys`, { headers: KEY })
  expect((await mock.fetch(request)).status).toBe(200)
  expect((await mock.fetch(request, { headers: {} })).status).toBe(401)
})

it('creates a key from a JSON string body, and from bodies fetch reads through a Request', async () => {
  const mock = createVoiceableMock()
  const json = JSON.stringify({ api_key: { name: 'From fetch', key_type: 'private' } })
  const headers = { ...KEY, 'Content-Type': 'application/json' }
  for (const body of [
    json,
    new TextEncoder().encode(json),
    new Blob([json]),
    new Response(json).body,
  ]) {
    const response = await mock.fetch(`${BASE}/api_keys`, {
      method: 'post',
      headers,
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    })
    expect(response.status).toBe(201)
    expect((await response.json()).data.name).toBe('From fetch')
  }
  expect(mock.journal.count({ endpoint: 'createApiKey', method: 'POST', status: 201 })).toBe(4)
})

it('sends a string body with no Content-Type as text/plain, as fetch does', async () => {
  const mock = createVoiceableMock()
  const response = await mock.fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: KEY,
    body: '{"api_key":{"name":"x","key_type":"private"}}',
  })
  expect(response.status).toBe(422)
  expect((await response.json()).errors).toContain(
    ERROR_MESSAGES.notJsonContentType('text/plain;charset=UTF-8'),
  )
})

it('rejects a relative URL when there is no page to resolve it against', async () => {
  const mock = createVoiceableMock({ baseUrl: '/api/v1' })
  await expect(mock.fetch('/api/v1/api_keys', { headers: KEY })).rejects.toThrow(
    new TypeError(
      'Failed to fetch /api/v1/api_keys: a relative URL needs a page to resolve against (globalThis.location), and there is none; pass an absolute URL',
    ),
  )
})

it('resolves relative URLs and same-origin base URLs against the page location', async () => {
  vi.stubGlobal('location', new URL('http://localhost:5173/settings/api-keys'))
  const mock = createVoiceableMock({ baseUrl: '/api/v1' })
  expect((await mock.fetch('/api/v1/api_keys/1', { headers: KEY })).status).toBe(200)
  expect(
    (await mock.fetch('http://localhost:5173/api/v1/api_keys/1', { headers: KEY })).status,
  ).toBe(200)
  await expect(mock.fetch('http://localhost:3000/api/v1/api_keys/1')).rejects.toThrow(TypeError)
})

it('rejects a URL outside the base URLs with a TypeError naming the URL and the base URLs', async () => {
  const mock = createVoiceableMock()
  await expect(mock.fetch('https://api.example.com/api/v2/api_keys')).rejects.toThrow(
    new TypeError(
      'Failed to fetch https://api.example.com/api/v2/api_keys: the URL is outside the base URLs (voiceable-mock answers under https://api.example.com/api/v1, https://api.voiceable.dev/voiceable-api, http://localhost:3000/api/v1, http://localhost:3000/voiceable-api)',
    ),
  )
  await expect(mock.fetch('https://elsewhere.test/api/v1/api_keys')).rejects.toThrow(
    /outside the base URLs/,
  )
  expect(mock.journal.count()).toBe(0)
})

it("answers an unknown path under a base URL with the API's 404, or rejects it when unknown routes pass through", async () => {
  const notFound = await createVoiceableMock().fetch(`${BASE}/nothing`, { headers: KEY })
  expect(notFound.status).toBe(404)
  expect((await notFound.json()).error).toBe('route_not_found')
  await expect(
    createVoiceableMock({ unknownRoutes: 'passthrough' }).fetch(`${BASE}/nothing`),
  ).rejects.toThrow(
    /^Failed to fetch https:\/\/api\.example\.com\/api\/v1\/nothing: no endpoint answers GET \/api\/v1\/nothing \(voiceable-mock answers under /,
  )
})

it("rejects an injected network error with TypeError('Failed to fetch'), as browsers do", async () => {
  const mock = createVoiceableMock()
  mock.faults.networkError({ times: 1 })
  await expect(mock.fetch(`${BASE}/api_keys`, { headers: KEY })).rejects.toThrow(
    new TypeError('Failed to fetch'),
  )
  expect((await mock.fetch(`${BASE}/api_keys`, { headers: KEY })).status).toBe(200)
  expect(mock.journal.entries().map((entry) => entry.status)).toEqual([0, 200])
})

it('rejects with an AbortError when the signal has already aborted', async () => {
  const mock = createVoiceableMock()
  const error = await mock
    .fetch(`${BASE}/api_keys`, { headers: KEY, signal: AbortSignal.abort() })
    .catch((reason: unknown) => reason)
  expect(error).toBeInstanceOf(DOMException)
  expect((error as DOMException).name).toBe('AbortError')
  expect(mock.journal.count()).toBe(0)
})

it("aborts during an injected latency with the signal's reason, without waiting it out", async () => {
  const mock = createVoiceableMock()
  mock.faults.latency(60_000)
  const controller = new AbortController()
  const reason = new Error('user navigated away')
  const started = performance.now()
  const pending = mock.fetch(`${BASE}/api_keys`, { headers: KEY, signal: controller.signal })
  setTimeout(() => controller.abort(reason), 20)
  await expect(pending).rejects.toBe(reason)
  expect(performance.now() - started).toBeLessThan(10_000)
})

it('works as the custom fetch of a hand-written client', async () => {
  class VoiceableClient {
    readonly #baseUrl: string
    readonly #apiKey: string
    readonly #fetch: typeof fetch
    constructor(baseUrl: string, apiKey: string, fetchImpl: typeof fetch = fetch) {
      this.#baseUrl = baseUrl
      this.#apiKey = apiKey
      this.#fetch = fetchImpl
    }
    async listApiKeys(): Promise<{ id: number; name: string }[]> {
      const response = await this.#fetch(`${this.#baseUrl}/api_keys`, {
        headers: { 'X-API-Key': this.#apiKey },
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return ((await response.json()) as { data: { id: number; name: string }[] }).data
    }
  }
  const mock = createVoiceableMock()
  const client = new VoiceableClient(BASE, DOCUMENTED_KEY_VALUE, mock.fetch)
  expect((await client.listApiKeys()).map((key) => key.name)).toEqual(['Production API Key'])
})
