import { getResponse, type HttpHandler } from 'msw'
import { describe, expect, it } from 'vitest'
import { createVoiceableMock, type VoiceableMockOptions } from './mock.js'

const NOW = () => new Date('2024-02-01T00:00:00Z')
const SECRET = { 'X-API-Key': 'your-api-key-here' }
const JSON_BODY = { ...SECRET, 'Content-Type': 'application/json' }

/** The per-endpoint handlers in their documented order, as `list` was before the dispatcher. */
function perEndpoint(mock: ReturnType<typeof createVoiceableMock>): HttpHandler[] {
  return Object.values(mock.handlersByEndpoint).flat()
}

async function answer(handlers: HttpHandler[], request: Request, baseUrl?: string) {
  const response = await getResponse(handlers, request, ...(baseUrl === undefined ? [] : [{ baseUrl }]))
  if (response === undefined) return undefined
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() }
}

const REQUESTS: [string, string, Record<string, string>?, string?][] = [
  ['GET', 'https://api.example.com/api/v1/api_keys', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/1', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/1/', SECRET],
  ['GET', 'https://api.example.com/api/v1/API_KEYS/1', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/1?x=1#y', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/%31', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/abc', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/2', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/1/extra', SECRET],
  ['GET', 'https://api.example.com/api/v1/nothing', SECRET],
  ['GET', 'https://api.example.com/api/v1/', SECRET],
  ['GET', 'https://api.example.com/api/v2/api_keys', SECRET],
  ['GET', 'https://api.voiceable.dev/voiceable-api/api_keys/1', SECRET],
  ['GET', 'https://api.example.com/api/v1/api_keys/1'],
  ['PATCH', 'https://api.example.com/api/v1/api_keys/1', JSON_BODY, '{"api_key":{"name":"x"}}'],
  ['DELETE', 'https://api.example.com/api/v1/api_keys', SECRET],
  ['POST', 'https://api.example.com/api/v1/api_keys', JSON_BODY, '{"api_key":{"name":"New","key_type":"private"}}'],
  ['POST', 'https://api.example.com/api/v1/api_keys/1', JSON_BODY, '{}'],
  ['PUT', 'https://api.example.com/api/v1/api_keys/1', JSON_BODY, '{"api_key":{"name":"Renamed"}}'],
  ['DELETE', 'https://api.example.com/api/v1/api_keys/1', SECRET],
  ['HEAD', 'https://api.example.com/api/v1/api_keys/1', SECRET],
  ['OPTIONS', 'https://api.example.com/api/v1/api_keys', SECRET],
]

function compare(options: VoiceableMockOptions, toUrl: (url: string) => string = (url) => url, baseUrl?: string) {
  it.each(REQUESTS)('answers %s %s as the per-endpoint handlers do', async (method, url, headers, body) => {
    const make = () => new Request(toUrl(url), { method, ...(headers === undefined ? {} : { headers }), ...(body === undefined ? {} : { body }) })
    // Created secrets are random by default; a counter makes the two mocks' answers comparable.
    const counter = () => {
      let n = 0
      return () => `sk_test_${++n}`
    }
    const dispatched = createVoiceableMock({ ...options, now: NOW, generateKeyValue: counter() })
    const separate = createVoiceableMock({ ...options, now: NOW, generateKeyValue: counter() })
    expect(await answer(dispatched.handlers, make(), baseUrl)).toEqual(await answer(perEndpoint(separate), make(), baseUrl))
    expect(dispatched.journal.entries().map(({ durationMs: _, time: __, ...entry }) => entry)).toEqual(
      separate.journal.entries().map(({ durationMs: _, time: __, ...entry }) => entry),
    )
  })
}

describe('handlers (one dispatcher per base URL)', () => {
  it('lists one dispatcher per base URL, then the catch-alls', () => {
    expect(createVoiceableMock().handlers).toHaveLength(4)
    expect(createVoiceableMock({ baseUrl: 'https://x.test/api' }).handlers).toHaveLength(2)
  })

  it('keeps one handler per endpoint and base URL in handlersByEndpoint', () => {
    const { handlersByEndpoint } = createVoiceableMock()
    expect(Object.values(handlersByEndpoint).map((handlers) => handlers.length)).toEqual([2, 2, 2, 2, 2, 2])
  })

  it('lists the per-endpoint handlers when unknown routes pass through', () => {
    expect(createVoiceableMock({ unknownRoutes: 'passthrough' }).handlers).toHaveLength(10)
  })

  describe('with the default base URLs', () => compare({}))
  describe('with overlapping base URLs', () =>
    compare({ baseUrl: ['https://api.example.com/api', 'https://api.example.com/api/v1/'] }))
  describe('with a same-origin base URL through getResponse baseUrl', () =>
    compare({ baseUrl: '/api/v1' }, (url) => url.replace(/^https:\/\/api\.(example\.com|voiceable\.dev)/, 'http://localhost:3000'), 'http://localhost:3000'))
})
