import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatVerifyReport, verifyBackend, type VerifyResult } from 'voiceable-mock/node'
import { startDriftProxy, type DriftProxy, type ProxiedAnswer } from '../support/drift-proxy.js'
import { startServer, type MockServer } from './support.js'

// `verify` without the real backend: against the demo server it finds no difference; against a
// proxy of the demo server that changes its answers, it finds and names every kind of change.

vi.setConfig({ testTimeout: 30_000 })

const API_KEY = 'your-api-key-here'
const MISSING = '2147483647'
const running: { close(): Promise<void> }[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map((item) => item.close()))
})

async function serve(options: Parameters<typeof startServer>[0] = {}): Promise<MockServer> {
  const server = await startServer(options)
  running.push(server)
  return server
}

async function proxyOf(server: MockServer): Promise<DriftProxy> {
  const proxy = await startDriftProxy(server.url)
  running.push(proxy)
  return proxy
}

type Json = Record<string, unknown>

/** The object with its keys in the same places, one renamed. */
function renamed(object: Json, from: string, to: string): Json {
  return Object.fromEntries(
    Object.entries(object).map(([key, value]) => [key === from ? to : key, value]),
  )
}

function withFirst(object: Json, first: string): Json {
  return { [first]: object[first], ...object }
}

function without(object: Json, key: string): Json {
  return Object.fromEntries(Object.entries(object).filter(([name]) => name !== key))
}

/** A change to the answers of one status to one request (method and path under the base URL). */
function on(
  method: string,
  path: string,
  change: (answer: ProxiedAnswer, body: Json) => void,
  status = 200,
) {
  return (answer: ProxiedAnswer): void => {
    if (answer.method === method && answer.path === path && answer.status === status)
      change(answer, answer.body as Json)
  }
}

function lines(result: VerifyResult): string[] {
  return result.findings.map((finding) => finding.line)
}

describe('verify against the demo server', () => {
  it('finds no difference, with --write too, and leaves nothing behind', async () => {
    const server = await serve()
    const before = JSON.stringify(server.mock.store.listUsers())
    const keys = server.mock.store.listApiKeys(1).length
    for (const write of [false, true]) {
      const result = await verifyBackend({ baseUrl: server.baseUrl, apiKey: API_KEY, write })
      expect(lines(result)).toEqual([])
      expect(result).toMatchObject({ rateLimited: [], notChecked: [], leftBehind: [] })
    }
    expect(server.mock.store.listApiKeys(1)).toHaveLength(keys)
    expect(JSON.stringify(server.mock.store.listUsers())).toBe(before)
  })

  it('paces itself under the rate limit: no 429, however low the limit', async () => {
    const server = await serve({ rateLimit: { limit: 10, windowSeconds: 1 } })
    const waits: string[] = []
    const result = await verifyBackend({
      baseUrl: server.baseUrl,
      apiKey: API_KEY,
      onProgress: (line) => waits.push(line),
    })
    expect(lines(result)).toEqual([])
    expect(server.mock.journal.count({ status: 429 })).toBe(0)
    expect(waits.length).toBeGreaterThan(0)
    expect(waits[0]).toMatch(/^waiting \d+ s for the rate limit \(X-RateLimit-Remaining: 0\)$/)
  })
})

describe('verify against a backend that differs from the fake', () => {
  it.each<[string, (answer: ProxiedAnswer) => void, string]>([
    [
      'a renamed field',
      on('GET', '/api_keys/1', (_answer, body) => {
        body['data'] = renamed(body['data'] as Json, 'user_email', 'owner_email')
      }),
      'GET /api_keys/1: data.user_email: missing, owner_email in its place (renamed?)',
    ],
    [
      'a missing field',
      on('GET', '/api_keys/1', (_answer, body) => {
        body['data'] = without(body['data'] as Json, 'user_email')
      }),
      'GET /api_keys/1: data.user_email: missing (the fake sends it)',
    ],
    [
      'an added field',
      on('GET', '/api_keys', (_answer, body) => {
        const [first] = body['data'] as Json[]
        if (first !== undefined) first['last_used_at'] = null
      }),
      'GET /api_keys: data[0].last_used_at: not in the fake',
    ],
    [
      'a changed type',
      on('GET', '/user/current', (_answer, body) => {
        ;(body['data'] as Json)['id'] = '1'
      }),
      'GET /user/current: data.id: a string ("1"), the fake sends a positive integer',
    ],
    [
      'a changed message',
      on('GET', '/agents', (_answer, body) => {
        body['status'] = { code: 200, message: 'OK' }
      }),
      'GET /agents: status.message: "OK", the fake says "Success"',
    ],
    [
      'a changed status',
      on(
        'GET',
        `/api_keys/${MISSING}`,
        (answer, body) => {
          answer.status = 403
          body['status'] = { code: 403, message: 'Forbidden' }
          body['error'] = 'forbidden'
        },
        404,
      ),
      `GET /api_keys/${MISSING} (no such id): HTTP status 403, the fake answers 404`,
    ],
    [
      'reordered fields',
      on('GET', '/user/current', (_answer, body) => {
        body['data'] = withFirst(body['data'] as Json, 'created_at')
      }),
      'GET /user/current: data: fields in another order: created_at, id, email, … (the fake: id, email, …, created_at, …)',
    ],
    [
      'null where a value was',
      on('GET', '/api_keys/1', (_answer, body) => {
        ;(body['data'] as Json)['name'] = null
      }),
      'GET /api_keys/1: data.name: null, the fake sends a string',
    ],
    [
      'a changed error code',
      on(
        'GET',
        '/agents',
        (_answer, body) => {
          body['error'] = 'Unauthorized'
        },
        401,
      ),
      'GET /agents (no credential): error: "Unauthorized", the fake says "unauthorized"; the same in 1 other answer',
    ],
    [
      'another Content-Type',
      on('GET', '/api_keys', (answer) => {
        answer.headers['content-type'] = 'application/json'
      }),
      'GET /api_keys: header Content-Type: "application/json", the fake sends "application/json; charset=utf-8"',
    ],
    [
      'a missing rate-limit header',
      on('DELETE', '/auth/sign_out', (answer) => {
        delete answer.headers['x-ratelimit-limit']
      }),
      'DELETE /auth/sign_out (no credential): header X-RateLimit-Limit: missing (the fake sends it); the same in 1 other answer',
    ],
  ])('finds and names %s', async (_kind, drift, line) => {
    const proxy = await proxyOf(await serve())
    proxy.drift = drift
    const result = await verifyBackend({ baseUrl: proxy.baseUrl, apiKey: API_KEY })
    // The change, and nothing else.
    expect(lines(result)).toEqual([line])
  })

  it('names a difference every answer shares once, with the requests that showed it', async () => {
    const proxy = await proxyOf(await serve())
    proxy.drift = (answer) => {
      delete answer.headers['x-ratelimit-reset']
    }
    const result = await verifyBackend({ baseUrl: proxy.baseUrl, apiKey: API_KEY })
    const others = result.requests.length - 1
    expect(lines(result)).toEqual([
      `GET /api_keys: header X-RateLimit-Reset: missing (the fake sends it); the same in ${others} other answers`,
    ])
    expect(result.findings[0]?.alsoIn).toEqual(result.requests.slice(1).map((r) => r.label))
    expect(formatVerifyReport(result)).toContain(
      '   - also in the answers to: `GET /api_keys (no credential)`, `GET /api_keys (bad credential)`, ',
    )
  })

  it('finds a difference in what --write creates, and still leaves nothing behind', async () => {
    const server = await serve()
    const proxy = await proxyOf(server)
    const keys = server.mock.store.listApiKeys(1).length
    proxy.drift = on(
      'POST',
      '/api_keys',
      (answer, body) => {
        answer.status = 200
        body['status'] = { code: 200, message: 'API key created successfully' }
        ;(body['data'] as Json)['key_value'] = null
      },
      201,
    )
    const result = await verifyBackend({ baseUrl: proxy.baseUrl, apiKey: API_KEY, write: true })
    expect(lines(result)).toEqual([
      'POST /api_keys: HTTP status 200, the fake answers 201',
      'POST /api_keys: data.key_value: null, the fake sends a string',
    ])
    expect(result.findings.map((finding) => finding.fidelity.row)).toEqual([
      'Statuses and messages',
      '`key_value`',
    ])
    expect(result.leftBehind).toEqual([])
    expect(server.mock.store.listApiKeys(1)).toHaveLength(keys)
  })

  it('reports a 429 as a 429, waits it out, and checks the request again', async () => {
    const proxy = await proxyOf(await serve())
    let limited = 0
    proxy.drift = on('GET', '/agents', (answer, body) => {
      if (limited++ > 0) return
      answer.status = 429
      answer.headers['retry-after'] = '1'
      Object.assign(body, {
        status: { code: 429, message: 'Rate limit exceeded' },
        error: 'rate_limited',
        errors: [],
      })
      delete body['data']
    })
    const waits: string[] = []
    const result = await verifyBackend({
      baseUrl: proxy.baseUrl,
      apiKey: API_KEY,
      onProgress: (line) => waits.push(line),
    })
    expect(lines(result)).toEqual([])
    expect(result.rateLimited).toEqual([])
    expect(waits).toEqual(['waiting 1 s for a 429 to GET /agents (Retry-After)'])
    expect(result.requests.filter((request) => request.label === 'GET /agents')).toEqual([
      expect.objectContaining({ status: 200 }),
    ])
  })

  it('never prints a secret: the key it was given, nor one the backend answers with', async () => {
    const server = await serve()
    const proxy = await proxyOf(server)
    const revealed = 'sk_live_RevealedInTheListAnswer1'
    proxy.drift = on('GET', '/api_keys', (_answer, body) => {
      for (const key of (body['data'] as Json[] | undefined) ?? []) key['key_value'] = revealed
    })
    const result = await verifyBackend({ baseUrl: proxy.baseUrl, apiKey: API_KEY, write: true })
    expect(lines(result)).toEqual([
      'GET /api_keys: data[0].key_value: a string, the fake sends null',
    ])
    const created = proxy.answers
      .filter((a) => a.method === 'POST' && a.path === '/api_keys' && a.status === 201)
      .map((answer) => ((answer.body as Json)['data'] as Json)['key_value'] as string)
    expect(created).toHaveLength(1)
    const written = `${JSON.stringify(result)}\n${formatVerifyReport(result)}`
    for (const secret of [API_KEY, revealed, ...created]) expect(written).not.toContain(secret)
  })
})
