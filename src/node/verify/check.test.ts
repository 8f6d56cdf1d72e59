import { describe, expect, it } from 'vitest'
import { ApiKeyResponseSchema } from '../../resources/api-keys/schemas.js'
import { checkAnswer, type Expectation } from './check.js'
import { BackendClient } from './client.js'
import { Redactor } from './redact.js'

const FAKE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'X-RateLimit-Limit': '1000',
  'X-RateLimit-Remaining': '999',
  'X-RateLimit-Reset': '1767225600',
}
const NOT_FOUND: Expectation = {
  status: 404,
  message: 'API key not found',
  errorCode: 'not_found',
  successSchema: ApiKeyResponseSchema,
}

function answer(status: number, body: unknown, headers: Record<string, string> = FAKE_HEADERS) {
  return {
    status,
    headers: new Headers(headers),
    text: typeof body === 'string' ? body : JSON.stringify(body),
  }
}

function lines(expected: Expectation, given: ReturnType<typeof answer>): string[] {
  return checkAnswer(expected, given).differences.map(({ at, text }) =>
    at === '' ? text : `${at}: ${text}`,
  )
}

const ERROR = {
  status: { code: 404, message: 'API key not found' },
  error: 'not_found',
  errors: ['API key not found'],
}

describe('checkAnswer', () => {
  it('finds nothing in the answer the fake gives', () => {
    expect(lines(NOT_FOUND, answer(404, ERROR))).toEqual([])
  })

  it('names another status, message and error code', () => {
    expect(
      lines(NOT_FOUND, answer(403, { ...ERROR, status: { code: 403, message: 'Forbidden' } })),
    ).toEqual(['HTTP status 403, the fake answers 404'])
    const body = {
      ...ERROR,
      status: { code: 404, message: 'Not Found' },
      error: 'Record not found',
    }
    expect(lines(NOT_FOUND, answer(404, body))).toEqual([
      'status.message: "Not Found", the fake says "API key not found"',
      'error: "Record not found", the fake says "not_found"',
    ])
  })

  it('checks a body by the schema its status calls for', () => {
    const key = { status: { code: 200, message: 'Success' }, data: { id: 1 } }
    expect(lines(NOT_FOUND, answer(200, key))).toEqual(
      expect.arrayContaining([
        'HTTP status 200, the fake answers 404',
        'data.name: missing (the fake sends it)',
      ]),
    )
    expect(lines(NOT_FOUND, answer(404, { ...ERROR, errors: 'API key not found' }))).toEqual([
      'errors: a string ("API key not found"), the fake sends an array',
    ])
  })

  it('names a status.code that is not the HTTP status, and a body that is not JSON', () => {
    expect(
      lines(
        NOT_FOUND,
        answer(404, { ...ERROR, status: { code: 200, message: 'API key not found' } }),
      ),
    ).toEqual(['status.code: 200, the HTTP status is 404 (the fake repeats it)'])
    expect(
      lines(
        NOT_FOUND,
        answer(404, '<h1>Not Found</h1>', { ...FAKE_HEADERS, 'Content-Type': 'text/html' }),
      ),
    ).toEqual([
      'header Content-Type: "text/html", the fake sends "application/json; charset=utf-8"',
      'body: not JSON (text/html), the fake sends the JSON envelope',
    ])
  })

  it('names the headers the fake promises, when missing or of another form', () => {
    const headers = {
      'Content-Type': 'application/json',
      'X-RateLimit-Limit': 'many',
      'X-RateLimit-Reset': '60',
    }
    expect(lines(NOT_FOUND, answer(404, ERROR, headers))).toEqual([
      'header Content-Type: "application/json", the fake sends "application/json; charset=utf-8"',
      'header X-RateLimit-Limit: "many", the fake sends a whole number',
      'header X-RateLimit-Remaining: missing (the fake sends it)',
      'header X-RateLimit-Reset: "60", the fake sends the window\'s end in epoch seconds',
    ])
    const spaced = { ...FAKE_HEADERS, 'Content-Type': 'Application/JSON;Charset=UTF-8' }
    expect(lines(NOT_FOUND, answer(404, ERROR, spaced))).toEqual([])
  })
})

describe('Redactor', () => {
  it('masks the secrets it was given or saw, and anything shaped like a key or a JWT', () => {
    const redactor = new Redactor(['my-test-api-key'])
    redactor.collect({ data: [{ key_value: 'custom-secret-value' }], token: 'opaque-token-1' })
    const text =
      'my-test-api-key custom-secret-value opaque-token-1 sk_live_abcdefghij eyJhbGciOi.eyJzdWIiOjF9.c2ln ok'
    expect(redactor.redact(text)).toBe('******** ******** ******** sk_live_******** ******** ok')
  })
})

describe('BackendClient', () => {
  function backend(answers: Response[]) {
    const times: number[] = []
    const fetch: typeof globalThis.fetch = () => {
      times.push(Date.now())
      return Promise.resolve(answers.shift() ?? Response.json({}))
    }
    return { fetch, times }
  }
  const request = { method: 'GET', path: '/api_keys', headers: {}, bucket: 'caller' } as const

  it('waits for the window to end when the last answer left none, and after a 429 as Retry-After says', async () => {
    const reset = String(Math.ceil((Date.now() + 400) / 1000) + 0)
    const { fetch, times } = backend([
      Response.json({}, { headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset } }),
      Response.json({}, { status: 429, headers: { 'Retry-After': '1' } }),
      Response.json({}),
    ])
    const waits: string[] = []
    const client = new BackendClient({
      baseUrl: 'https://backend.test/api/v1',
      fetch,
      timeoutMs: 5000,
      maxRateLimitWaitMs: 5000,
      onWait: (_ms, why) => waits.push(why),
    })
    await client.send(request)
    const second = await client.send(request)
    expect(second).toMatchObject({ status: 200, rateLimited: false, waitedMs: 1000 })
    expect(times[1]).toBeGreaterThanOrEqual(Number(reset) * 1000 - 5)
    expect((times[2] as number) - (times[1] as number)).toBeGreaterThanOrEqual(990)
    expect(waits).toEqual([
      'the rate limit (X-RateLimit-Remaining: 0)',
      'a 429 to GET /api_keys (Retry-After)',
    ])
  })

  it('reports a 429 that asks for a longer wait than allowed, without waiting', async () => {
    const { fetch } = backend([
      Response.json({}, { status: 429, headers: { 'Retry-After': '3600' } }),
    ])
    const client = new BackendClient({
      baseUrl: 'https://b.test/api/v1',
      fetch,
      timeoutMs: 5000,
      maxRateLimitWaitMs: 1000,
    })
    await expect(client.send(request)).resolves.toMatchObject({
      status: 429,
      rateLimited: true,
      waitedMs: 0,
    })
  })

  it('ends the run with a VerifyError when the backend cannot be reached', async () => {
    const client = new BackendClient({
      baseUrl: 'http://127.0.0.1:9/api/v1',
      fetch: () =>
        Promise.reject(
          new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }),
        ),
      timeoutMs: 5000,
      maxRateLimitWaitMs: 0,
    })
    await expect(client.send(request)).rejects.toMatchObject({
      name: 'VerifyError',
      reason: 'unreachable',
      message:
        'cannot reach http://127.0.0.1:9/api/v1: GET /api_keys failed: connect ECONNREFUSED 127.0.0.1:9',
    })
  })
})
