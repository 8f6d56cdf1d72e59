import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, it, vi } from 'vitest'
import { createMockHttpServer } from '../../src/server.js'
import { rawExchange } from '../support/raw-http.js'

vi.setConfig({ testTimeout: 20_000 })

const servers: Server[] = []

/** The bridge alone, around hand-written handlers, on a free loopback port. */
async function serve(handlers: Parameters<typeof createMockHttpServer>[0]['handlers']): Promise<string> {
  const server = createMockHttpServer({ handlers, maxBodyBytes: 1024 })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

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

it('passes repeated request headers to the handler, every value kept', async () => {
  const url = await serve([http.get('/echo', ({ request }) => HttpResponse.json({ tags: request.headers.get('x-tag') }))])
  const { response } = await rawExchange(url, 'GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Tag: one\r\nX-Tag: two\r\nConnection: close\r\n\r\n')
  expect(response).toContain('{"tags":"one, two"}')
})

it('passes method, path, query and body through unchanged, bytes included', async () => {
  const url = await serve([
    http.put('/echo/:id', async ({ request, params }) => {
      const bytes = new Uint8Array(await request.arrayBuffer())
      return HttpResponse.json({ id: params['id'], query: new URL(request.url).search, bytes: [...bytes] })
    }),
  ])
  const response = await fetch(`${url}/echo/7?a=1&a=2`, { method: 'PUT', body: new Uint8Array([0, 255, 10, 13]) })
  expect(await response.json()).toEqual({ id: '7', query: '?a=1&a=2', bytes: [0, 255, 10, 13] })
})

it('sends the status, status text and every header, each Set-Cookie on its own line', async () => {
  const url = await serve([
    http.get('/cookies', () => {
      const headers = new Headers({ 'X-One': 'a' })
      headers.append('Set-Cookie', 'a=1; Path=/')
      headers.append('Set-Cookie', 'b=2; Path=/')
      headers.append('X-Many', 'x')
      headers.append('X-Many', 'y')
      return new HttpResponse('teapot', { status: 418, statusText: 'I Am A Teapot', headers })
    }),
  ])
  const { response } = await rawExchange(url, 'GET /cookies HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
  expect(response).toMatch(/^HTTP\/1\.1 418 I Am A Teapot\r\n/)
  expect([...response.matchAll(/^set-cookie: (.*)\r$/gim)].map((match) => match[1])).toEqual(['a=1; Path=/', 'b=2; Path=/'])
  expect(response).toMatch(/\r\nx-many: x, y\r\n/i)
  expect(response).toMatch(/\r\nx-one: a\r\n/i)
})

it('streams a response body chunk by chunk instead of buffering it', async () => {
  let firstChunkRead!: () => void
  const clientHasFirstChunk = new Promise<void>((resolve) => (firstChunkRead = resolve))
  const url = await serve([
    http.get('/stream', () => {
      const encoder = new TextEncoder()
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('first;'))
          // @note The second chunk waits for the client to have read the first: a bridge that
          // buffered the whole body would never deliver it, and the test would time out.
          await clientHasFirstChunk
          controller.enqueue(encoder.encode('second'))
          controller.close()
        },
      })
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/plain' } })
    }),
  ])
  const response = await fetch(`${url}/stream`)
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  const first = await reader.read()
  expect(decoder.decode(first.value)).toBe('first;')
  firstChunkRead()
  let rest = ''
  for (let next = await reader.read(); !next.done; next = await reader.read()) rest += decoder.decode(next.value)
  expect(rest).toBe('second')
})

it('breaks the connection when a response body fails half-way, rather than ending it cleanly', async () => {
  const url = await serve([
    http.get('/broken', () => {
      let reads = 0
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          // The first chunk goes out (with the headers); the second read fails.
          if (reads++ === 0) controller.enqueue(new TextEncoder().encode('partial'))
          else controller.error(new Error('the handler failed mid-body'))
        },
      })
      return new HttpResponse(stream)
    }),
  ])
  const response = await fetch(`${url}/broken`)
  expect(response.status).toBe(200)
  await expect(response.text()).rejects.toThrow()
})

it('sends headers but no body to a HEAD request', async () => {
  const url = await serve([http.head('/thing', () => HttpResponse.json({ big: 'body' }, { headers: { 'X-Head': 'yes' } }))])
  const response = await fetch(`${url}/thing`, { method: 'HEAD' })
  expect(response.status).toBe(200)
  expect(response.headers.get('x-head')).toBe('yes')
  expect(await response.text()).toBe('')
})

it("answers a request no handler matches with the API's 404 envelope", async () => {
  const url = await serve([http.get('/only', () => HttpResponse.text('ok'))])
  const response = await fetch(`${url}/other`, { method: 'DELETE' })
  expect(response.status).toBe(404)
  expect(await response.json()).toMatchObject({ status: { code: 404, message: 'Not Found' }, error: 'route_not_found' })
})

it("answers a handler that throws a non-Response with the API's 500 envelope and keeps serving", async () => {
  const url = await serve([
    http.get('/throws', () => {
      throw new Error('boom')
    }),
    http.get('/fine', () => HttpResponse.text('fine')),
  ])
  const response = await fetch(`${url}/throws`)
  // msw turns an exception in a resolver into its own 500 response; either way the server lives on.
  expect(response.status).toBe(500)
  expect(await (await fetch(`${url}/fine`)).text()).toBe('fine')
})

it('resets the connection for Response.error() and keeps serving', async () => {
  const url = await serve([http.get('/reset', () => Response.error()), http.get('/fine', () => HttpResponse.text('fine'))])
  const { ending, response } = await rawExchange(url, 'GET /reset HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
  expect(ending).toBe('reset')
  expect(response).toBe('')
  expect(await (await fetch(`${url}/fine`)).text()).toBe('fine')
})
