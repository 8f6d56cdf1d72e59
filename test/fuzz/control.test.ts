/**
 * Control API and inspector requests (`/__voiceable/*`) fuzzed on the demo server, the one
 * transport that has them: any method, known and made-up paths (traversal too), query strings,
 * session headers, and bodies from valid fault specs to garbage. None is a 5xx or a stack trace;
 * none shows a secret, but the snapshot (which keeps them by design, docs/reliability.md); the
 * API still answers afterwards.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { sendHttp } from '../server/support.js'
import { ENDPOINTS } from './endpoints.js'
import {
  arrangeWorld,
  BASE_PATH,
  CALLER_KEY,
  DISTINCT_PASSWORD,
  forbiddenTexts,
  fuzzParameters,
  fuzzTimeout,
} from './harness.js'

let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1' })
  arrangeWorld(server.mock)
})

afterAll(async () => {
  await server.close()
})

const ROUTES = [
  '',
  '/',
  '/reset',
  '/scenario',
  '/snapshot',
  '/faults',
  '/journal',
  '/sessions',
  '/data',
  '/index.html',
  '/inspector.js',
  '/inspector.css',
  '/assets/x.js',
]
const STACK_TRACE = /\n\s+at |(?:file:\/\/|node:internal|\/src\/|\/dist\/)\S*:\d+:\d+/

const segment = fc.oneof(
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%2f',
    '..%2f..%2fpackage.json',
    '%00',
    'fault-1',
    'x'.repeat(300),
    '.',
    '~',
  ),
)

const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ROUTES) },
  { weight: 2, arbitrary: segment.map((id) => `/faults/${id}`) },
  {
    weight: 2,
    arbitrary: fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((parts) => `/${parts.join('/')}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '//etc/passwd',
      '/FAULTS',
      '/reset/',
      '/journal.json',
    ),
  },
)

const query = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'endpoint',
          'status',
          'method',
          'limit',
          'since',
          'userId',
          'path',
          'x',
          'endpoint[]',
        ),
        fc.oneof(
          fc.string({ maxLength: 10 }),
          fc.constantFrom('listApiKeys', '200', '-1', '1e309', 'NaN'),
        ),
      ),
      { maxLength: 4 },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`),
)

const faultSpec = fc.record(
  {
    kind: fc.constantFrom('error', 'network', 'latency', 'rate-limit', 'x'),
    status: fc.oneof(fc.integer({ min: -1, max: 700 }), fc.string({ maxLength: 4 })),
    message: fc.string({ maxLength: 20 }),
    endpoint: fc.oneof(
      fc.constantFrom('listApiKeys', 'unknownRoute', 'nope'),
      fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
    ),
    userId: fc.oneof(fc.integer(), fc.string({ maxLength: 3 })),
    times: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.double()),
    probability: fc.double(),
    ms: fc.oneof(fc.integer({ min: -1, max: 700_000 }), fc.constant(Number.MAX_SAFE_INTEGER)),
  },
  { requiredKeys: [] },
)

const body = fc.oneof(
  fc.constant(undefined),
  faultSpec.map((spec) => JSON.stringify(spec)),
  fc
    .oneof(
      fc.constantFrom('documented', 'empty', 'many-keys', 'multi-tenant', 'nope'),
      fc.string({ maxLength: 8 }),
    )
    .map((name) => JSON.stringify({ name })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    '{',
    '[]',
    'null',
    '{"format":"voiceable-mock/snapshot@2"}',
    '{"__proto__":{"polluted":1}}',
  ),
)

it(
  'answers any control or inspector request without a 5xx, a trace or a secret',
  async () => {
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
        path,
        query,
        fc.option(
          fc.oneof(fc.constantFrom('s1', 's2', ' ', 'x'.repeat(201)), fc.string({ maxLength: 10 })),
          { nil: undefined },
        ),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'multipart/form-data; boundary=x',
          undefined,
        ),
        body,
        async (method, route, search, session, contentType, text) => {
          // The live event stream never ends; its own tests cover it (test/server/inspector.test.ts).
          fc.pre(!(route.endsWith('/events') && (method === 'GET' || method === 'HEAD')))
          const forbidden = forbiddenTexts(server.mock)
          const headers: [string, string][] = []
          if (session !== undefined && /^[\x20-\x7e]*$/.test(session))
            headers.push(['X-Voiceable-Mock-Session', session])
          if (contentType !== undefined) headers.push(['Content-Type', contentType])
          const answer = await sendHttp(`${server.url}/__voiceable${route}${search}`, {
            method,
            headers,
            ...(text === undefined || method === 'GET' || method === 'HEAD' ? {} : { body: text }),
            timeoutMs: 10_000,
          })
          const what = `${method} /__voiceable${route}${search} ${text ?? ''} -> ${answer.status} ${answer.text.slice(0, 300)}`
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
          expect(answer.status, what).toBeGreaterThan(0)
          expect(answer.status, what).toBeLessThan(500)
          if ((answer.headers.get('content-type') ?? '').includes('json'))
            expect(answer.text, `a stack trace: ${what}`).not.toMatch(STACK_TRACE)
          expect(answer.text, what).not.toMatch(/"name":\s*"voiceable-mock"|root:x:0:0/)
          // The snapshot keeps every secret, and the Data view shows passwords (as the banner
          // does), both by design; nothing else shows one.
          const read = method === 'GET' || method === 'HEAD'
          if (!(read && /^\/snapshot\/?$/.test(route)))
            for (const secret of forbidden.secrets)
              if (!(read && /^\/data\/?$/.test(route) && secret === DISTINCT_PASSWORD))
                expect(answer.text.includes(secret), `a secret (${secret}): ${what}`).toBe(false)
        },
      ),
      fuzzParameters(4),
    )
    expect(statuses.size).toBeGreaterThan(2)
    // The API still works: no fault, scenario or session the fuzz left breaks an ordinary request.
    await server.control.reset()
    await sendHttp(`${server.url}/__voiceable/faults`, { method: 'DELETE' })
    for (const endpoint of ENDPOINTS.filter(
      (candidate) => candidate.method === 'GET' && !candidate.template.includes('{'),
    )) {
      const answer = await sendHttp(`${server.url}${BASE_PATH}${endpoint.template}`, {
        headers: [['X-API-Key', CALLER_KEY]],
      })
      expect(answer.status, `${endpoint.template} ${answer.text.slice(0, 200)}`).toBe(200)
    }
  },
  fuzzTimeout(4),
)
