import { getResponse, type HttpHandler } from 'msw'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BASE_URLS } from '../defaults.js'
import { ENDPOINT_NAMES } from '../resources/index.js'
import { createVoiceableMock, type VoiceableMockOptions } from '../mock.js'

const NOW = () => new Date('2024-02-01T00:00:00Z')
const SECRET = { 'X-API-Key': 'your-api-key-here' }
const JSON_BODY = { ...SECRET, 'Content-Type': 'application/json' }

/** The per-endpoint handlers in their documented order, then the catch-alls. */
function perEndpoint(mock: ReturnType<typeof createVoiceableMock>): HttpHandler[] {
  return Object.values(mock.handlersByEndpoint).flat()
}

async function answer(handlers: HttpHandler[], request: Request, baseUrl?: string) {
  const response = await getResponse(
    handlers,
    request,
    ...(baseUrl === undefined ? [] : [{ baseUrl }]),
  )
  if (response === undefined) return undefined
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  }
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
  [
    'POST',
    'https://api.example.com/api/v1/api_keys',
    JSON_BODY,
    '{"api_key":{"name":"New","key_type":"private"}}',
  ],
  ['POST', 'https://api.example.com/api/v1/api_keys/1', JSON_BODY, '{}'],
  ['PUT', 'https://api.example.com/api/v1/api_keys/1', JSON_BODY, '{"api_key":{"name":"Renamed"}}'],
  ['DELETE', 'https://api.example.com/api/v1/api_keys/1', SECRET],
  ['HEAD', 'https://api.example.com/api/v1/api_keys/1', SECRET],
  ['OPTIONS', 'https://api.example.com/api/v1/api_keys', SECRET],
]

function compare(
  options: VoiceableMockOptions,
  toUrl: (url: string) => string = (url) => url,
  baseUrl?: string,
) {
  it.each(REQUESTS)(
    'answers %s %s through the list as through the record',
    async (method, url, headers, body) => {
      const make = () =>
        new Request(toUrl(url), {
          method,
          ...(headers === undefined ? {} : { headers }),
          ...(body === undefined ? {} : { body }),
        })
      // Created secrets are random by default; a counter makes the two mocks' answers comparable.
      const counter = () => {
        let n = 0
        return () => `sk_test_${++n}`
      }
      const dispatched = createVoiceableMock({ ...options, now: NOW, generateKeyValue: counter() })
      const separate = createVoiceableMock({ ...options, now: NOW, generateKeyValue: counter() })
      expect(await answer(dispatched.handlers, make(), baseUrl)).toEqual(
        await answer(perEndpoint(separate), make(), baseUrl),
      )
      expect(
        dispatched.journal.entries().map(({ durationMs: _, time: __, ...entry }) => entry),
      ).toEqual(separate.journal.entries().map(({ durationMs: _, time: __, ...entry }) => entry))
    },
  )
}

describe('msw handlers (one catch-all per base URL, and a record per endpoint)', () => {
  it('lists one catch-all per base URL', () => {
    expect(createVoiceableMock().handlers).toHaveLength(DEFAULT_BASE_URLS.length)
    expect(createVoiceableMock({ baseUrl: 'https://x.test/api' }).handlers).toHaveLength(1)
    expect(createVoiceableMock({ unknownRoutes: 'passthrough' }).handlers).toHaveLength(
      DEFAULT_BASE_URLS.length,
    )
  })

  it('keeps one handler per endpoint and base URL in handlersByEndpoint, with the catch-alls under unknownRoute', () => {
    const { handlersByEndpoint } = createVoiceableMock()
    expect(Object.keys(handlersByEndpoint)).toEqual([...ENDPOINT_NAMES])
    expect(Object.values(handlersByEndpoint).map((handlers) => handlers.length)).toEqual(
      ENDPOINT_NAMES.map(() => DEFAULT_BASE_URLS.length),
    )
  })

  it('has no catch-all in handlersByEndpoint when unknown routes pass through', () => {
    expect(
      createVoiceableMock({ unknownRoutes: 'passthrough' }).handlersByEndpoint.unknownRoute,
    ).toEqual([])
  })

  it('lets msw pass an unknown path through when unknown routes pass through', async () => {
    const mock = createVoiceableMock({ unknownRoutes: 'passthrough' })
    const request = () => new Request('https://api.example.com/api/v1/nothing', { headers: SECRET })
    expect(await getResponse(mock.handlers, request())).toBeUndefined()
    expect(await getResponse(perEndpoint(mock), request())).toBeUndefined()
    expect(mock.journal.count()).toBe(0)
  })

  it('answers an endpoint whose own handler a story removed through the catch-all', async () => {
    const mock = createVoiceableMock()
    const handlers = Object.values({ ...mock.handlersByEndpoint, getApiKey: [] }).flat()
    const response = await getResponse(
      handlers,
      new Request('https://api.example.com/api/v1/api_keys/1', { headers: SECRET }),
    )
    expect(response?.status).toBe(200)
  })

  describe('with the default base URLs', () => compare({}))
  describe('with overlapping base URLs', () =>
    compare({ baseUrl: ['https://api.example.com/api', 'https://api.example.com/api/v1/'] }))
  describe('with a same-origin base URL through getResponse baseUrl', () =>
    compare(
      { baseUrl: '/api/v1' },
      (url) =>
        url.replace(/^https:\/\/api\.(example\.com|voiceable\.dev)/, 'http://localhost:3000'),
      'http://localhost:3000',
    ))
})
