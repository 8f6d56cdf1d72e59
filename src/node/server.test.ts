import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it, vi } from 'vitest'
import type { Core, CoreAnswer, PlainRequest } from '../pipeline/plain-request.js'
import { createMockHttpServer, toRequestPath } from './server.js'
import { rawExchange } from '../../test/support/raw-http.js'

vi.setConfig({ testTimeout: 20_000 })

const servers: Server[] = []

/** What a stub core saw of a request: the plain request, with its headers read. */
interface Seen {
  method: string
  path: string
  basePath: string
  tag: string | undefined
  body: number[] | undefined
  bodyTooLarge: boolean | undefined
}

/** The server adapter alone, around a stub core, on a free loopback port. */
async function serve(
  answer: (request: PlainRequest) => CoreAnswer | undefined | Promise<CoreAnswer | undefined>,
): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const core: Core = {
    async handle(request) {
      seen.push({
        method: request.method,
        path: request.path,
        basePath: request.basePath,
        tag: request.header('x-tag'),
        body: request.body === undefined ? undefined : [...request.body],
        bodyTooLarge: request.bodyTooLarge,
      })
      return answer(request)
    },
    // The server adapter never asks for a route alone (only `handlersByEndpoint` does).
    route: () => undefined,
  }
  const server = createMockHttpServer({ core, basePaths: ['/api', '/api/v1'], maxBodyBytes: 1024 })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const ok = (body = '{"ok":true}', headers: Record<string, string> = {}): CoreAnswer => ({
  kind: 'response',
  status: 200,
  headers: {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  },
  body,
})

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        }),
    ),
  )
})

it('joins repeated request headers with ", " for the core, as Fetch does', async () => {
  const { url, seen } = await serve(() => ok())
  await rawExchange(
    url,
    'GET /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tag: one\r\nx-tag: two\r\nConnection: close\r\n\r\n',
  )
  expect(seen[0]?.tag).toBe('one, two')
})

it('passes method, path with query, the longest base path and the body bytes through unchanged', async () => {
  const { url, seen } = await serve(() => ok())
  await fetch(`${url}/api/v1/echo/7?a=1&a=2`, {
    method: 'PUT',
    body: new Uint8Array([0, 255, 10, 13]),
  })
  expect(seen).toEqual([
    {
      method: 'PUT',
      path: '/api/v1/echo/7?a=1&a=2',
      basePath: '/api/v1',
      tag: undefined,
      body: [0, 255, 10, 13],
      bodyTooLarge: false,
    },
  ])
})

it('sends the answer as one response: status, every header and the body', async () => {
  const { url } = await serve(() => ok('{"x":1}', { 'X-RateLimit-Limit': '5' }))
  const { response } = await rawExchange(
    url,
    'GET /api/x HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
  )
  expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
  expect(response).toMatch(/\r\ncontent-length: 7\r\n/i)
  expect(response).toMatch(/\r\nx-ratelimit-limit: 5\r\n/i)
  expect(response.endsWith('\r\n\r\n{"x":1}')).toBe(true)
})

it('sends the headers but no body to a HEAD request', async () => {
  const { url } = await serve(() => ok('{"big":"body"}'))
  const response = await fetch(`${url}/api/thing`, { method: 'HEAD' })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-length')).toBe('14')
  expect(await response.text()).toBe('')
})

it("answers a path outside the base paths itself, with the API's 404 envelope, without asking the core", async () => {
  const { url, seen } = await serve(() => ok())
  const response = await fetch(`${url}/other`, { method: 'DELETE' })
  expect(response.status).toBe(404)
  expect(await response.json()).toMatchObject({
    status: { code: 404, message: 'Not Found' },
    error: 'route_not_found',
  })
  expect(seen).toEqual([])
})

it('tells the core that a body went over the limit instead of passing its bytes', async () => {
  const { url, seen } = await serve(() => ok())
  await fetch(`${url}/api/x`, { method: 'POST', body: 'x'.repeat(2000) })
  expect(seen[0]).toMatchObject({ body: undefined, bodyTooLarge: true })
})

it("answers a core that throws with the API's 500 envelope, and keeps serving", async () => {
  const { url } = await serve((request) => {
    if (request.path === '/api/throws') throw new Error('boom')
    return ok('"fine"')
  })
  const response = await fetch(`${url}/api/throws`)
  expect(response.status).toBe(500)
  expect(await response.json()).toMatchObject({ error: 'internal_error', details: 'Error: boom' })
  expect(await (await fetch(`${url}/api/fine`)).text()).toBe('"fine"')
})

it('resets the connection for an injected network error, and keeps serving', async () => {
  const { url } = await serve((request) =>
    request.path === '/api/reset' ? { kind: 'network-error' } : ok('"fine"'),
  )
  const { ending, response } = await rawExchange(
    url,
    'GET /api/reset HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
  )
  expect(ending).toBe('reset')
  expect(response).toBe('')
  expect(await (await fetch(`${url}/api/fine`)).text()).toBe('"fine"')
})

it.each([
  ['/api/v1/api_keys/1', '/api/v1/api_keys/1'],
  ['/api/v1/api_keys?x=1&y=%20', '/api/v1/api_keys?x=1&y=%20'],
  ['http://example.com/api/v1/api_keys', '/api/v1/api_keys'],
  ['/api/v1/../v1/api_keys', '/api/v1/api_keys'],
  ['/api/v1/%2e%2e/v1/api_keys', '/api/v1/api_keys'],
  ['/api/v1/./api_keys', '/api/v1/api_keys'],
  ['/api/v1/api_keys/..%2F1', '/api/v1/api_keys/..%2F1'],
  ['/api/v1/api_keys#frag', '/api/v1/api_keys'],
  ['/api/v1/{x}', '/api/v1/%7Bx%7D'],
  ['//elsewhere/x', '//elsewhere/x'],
  ['api_keys', '/api_keys'],
])('reads the request target %j as the path %j, as a URL parser would', (target, path) => {
  expect(toRequestPath(target)).toBe(path)
  expect(toRequestPath(target)).toBe(
    ((url) => `${url.pathname}${url.search}`)(new URL(`http://h${path}`)),
  )
})
