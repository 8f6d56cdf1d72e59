import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { MAX_BODY_BYTES } from '../support/documented.js'
import { ERROR_MESSAGES } from 'voiceable-mock'
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { rawExchange, rawJsonBody, rawStatus, sendAndHangUp } from '../support/raw-http.js'

vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 })

const AUTH = { 'X-API-Key': 'your-api-key-here' }
const JSON_AUTH = { ...AUTH, 'Content-Type': 'application/json' }

let server: MockServer
const log: string[] = []

/** Resolves once the access log has a line matching `pattern` (bounded by the test's timeout). */
async function waitForLog(pattern: RegExp): Promise<void> {
  while (!log.some((line) => pattern.test(line)))
    await new Promise((resolve) => setTimeout(resolve, 10))
}

beforeAll(async () => {
  server = await startMockServer({ log: (line) => log.push(line) })
})

afterAll(async () => {
  await server.close()
})

/** The server still answers an ordinary request after whatever the test threw at it. */
async function expectStillServing(): Promise<void> {
  const response = await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  expect(response.status).toBe(200)
  expect((await response.json()).data.id).toBe(1)
}

function port(): string {
  return new URL(server.url).port
}

it.each([
  ['GET', '/not-the-api'],
  ['GET', '/api/v1/users'],
  ['GET', '/api/v1'],
  // PATCH is routed on a key (update), not on the collection.
  ['PATCH', '/api/v1/api_keys'],
  ['POST', '/voiceable-api/api_keys/1'],
  // a path that looks like another host is still a path of this server
  ['GET', '//elsewhere.example/api/v1/api_keys/1'],
])("answers %s %s with the API's 404 envelope", async (method, path) => {
  const response = await fetch(`${server.url}${path}`, { method, headers: AUTH })
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(await response.json()).toEqual({
    status: { code: 404, message: 'Not Found' },
    error: 'route_not_found',
    errors: [ERROR_MESSAGES.routeNotFound(method, path)],
  })
})

it("answers a TRACE, which Fetch cannot even build, with the API's 404 envelope", async () => {
  const { response } = await rawExchange(
    server.url,
    `TRACE /api/v1/api_keys HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nConnection: close\r\n\r\n`,
  )
  expect(rawStatus(response)).toBe(404)
  expect(rawJsonBody(response)).toMatchObject({ error: 'route_not_found' })
  await expectStillServing()
})

it('answers a body over the limit with 413, and the uploading client reads it', async () => {
  const body = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'POST',
    headers: JSON_AUTH,
    body,
  })
  expect(response.status).toBe(413)
  expect((await response.json()).error).toBe('payload_too_large')
  await expectStillServing()
})

it('answers a body over the limit, declared in Content-Length, with 413 before reading it', async () => {
  // Only one byte of the declared body is ever sent: the answer cannot have waited for the rest.
  const { response } = await rawExchange(
    server.url,
    `POST /api/v1/api_keys HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nConnection: close\r\nX-API-Key: your-api-key-here\r\nContent-Type: application/json\r\nContent-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n{`,
  )
  expect(rawStatus(response)).toBe(413)
  expect(rawJsonBody(response)).toEqual({
    status: { code: 413, message: 'Payload Too Large' },
    error: 'payload_too_large',
    errors: [ERROR_MESSAGES.payloadTooLarge(MAX_BODY_BYTES)],
  })
  await expectStillServing()
})

it('answers a declared body too big to be worth draining with 413 and closes the connection', async () => {
  const { response, ending } = await rawExchange(
    server.url,
    `POST /api/v1/api_keys HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nX-API-Key: your-api-key-here\r\nContent-Type: application/json\r\nContent-Length: ${100 * MAX_BODY_BYTES}\r\n\r\n{`,
  )
  expect(rawStatus(response)).toBe(413)
  expect(response).toMatch(/\r\nConnection: close\r\n/i)
  expect(ending).toBe('closed')
  await expectStillServing()
})

it('answers a chunked body that grows past the limit with 413', async () => {
  const chunk = new Uint8Array(64 * 1024).fill(0x20)
  let sent = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      // Bounded: stops after twice the limit whatever the server does.
      if (sent > 2 * MAX_BODY_BYTES) controller.close()
      else {
        sent += chunk.byteLength
        controller.enqueue(chunk)
      }
    },
  })
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'POST',
    headers: JSON_AUTH,
    body,
    duplex: 'half',
  } as RequestInit)
  expect(response.status).toBe(413)
  expect((await response.json()).error).toBe('payload_too_large')
  await expectStillServing()
})

it('accepts a body of exactly the limit', async () => {
  const json = JSON.stringify({ api_key: { name: 'Padded', key_type: 'private' } })
  const body = json.padEnd(MAX_BODY_BYTES, ' ')
  expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES)
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'POST',
    headers: JSON_AUTH,
    body,
  })
  expect(response.status).toBe(201)
  const created = (await response.json()).data
  expect(created.name).toBe('Padded')
  // Leave the shared store as it was for the other tests.
  await fetch(`${server.baseUrl}/api_keys/${created.id}`, { method: 'DELETE', headers: AUTH })
})

it("answers malformed JSON with the API's 400 envelope", async () => {
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'POST',
    headers: JSON_AUTH,
    body: '{"api_key": {',
  })
  expect(response.status).toBe(400)
  const body = await response.json()
  expect(body).toMatchObject({
    status: { code: 400, message: 'Bad Request' },
    error: 'invalid_json',
  })
  expect(body.errors[0]).toMatch(/^The request body is not valid JSON: /)
})

it.each([
  ['garbage bytes', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a])],
  ['a malformed request line', 'GET\r\n\r\n'],
  ['an unsupported HTTP version', 'GET /api/v1/api_keys/1 HTTP/9.1\r\nHost: x\r\n\r\n'],
  [
    'a header line without a colon',
    'GET /api/v1/api_keys/1 HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n',
  ],
  [
    'a body with a bad chunk size',
    'POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  ],
])(
  "answers %s with a 400 in the API's envelope, closes that connection and keeps serving",
  async (_name, bytes) => {
    const { response, ending } = await rawExchange(server.url, bytes)
    expect(rawStatus(response)).toBe(400)
    expect(rawJsonBody(response)).toMatchObject({
      status: { code: 400, message: 'Bad Request' },
      error: 'bad_request',
    })
    expect(ending).toBe('closed')
    await expectStillServing()
  },
)

it('answers oversized headers with 431 and keeps serving', async () => {
  const { response } = await rawExchange(
    server.url,
    `GET /api/v1/api_keys/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
  )
  expect(rawStatus(response)).toBe(431)
  await expectStillServing()
})

it('survives a client that disconnects half-way through the body and logs the request as aborted', async () => {
  await sendAndHangUp(
    server.url,
    `POST /api/v1/api_keys HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nX-API-Key: your-api-key-here\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"api_key":`,
  )
  await waitForLog(/^POST \/api\/v1\/api_keys aborted \d+\.\dms$/)
  await expectStillServing()
})

it('survives a client that disconnects half-way through the headers', async () => {
  await sendAndHangUp(
    server.url,
    `GET /api/v1/api_keys/1 HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nX-API-K`,
  )
  await expectStillServing()
})

it('survives a client that disconnects while the response is on its way', async () => {
  await sendAndHangUp(
    server.url,
    `GET /api/v1/api_keys HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\nX-API-Key: your-api-key-here\r\n\r\n`,
  )
  await expectStillServing()
})
