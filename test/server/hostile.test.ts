/**
 * Hostile input against the demo server (issue 3), over loopback: the hostile corpus replayed
 * over HTTP, raw-socket garbage, truncated bodies, slow clients and oversize payloads. Each is
 * answered in the API's envelope (or the connection is closed), the store is unchanged, and
 * afterwards the server still answers correctly. Every wait is bounded.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { type Snapshot } from 'voiceable-mock'
import { ApiKeyResponseSchema, ErrorResponseSchema } from 'voiceable-mock/schemas'
import { DOCUMENTED_API_KEY } from '../support/documented.js'
import { recordFigures } from '../reliability/figures.js'
import {
  prepareHostileContext,
  runHostileCase,
  type HostileTarget,
  type Sent,
} from '../reliability/hostile-check.js'
import {
  buildCorpus,
  type HostileCase,
  type HostileContext,
} from '../reliability/hostile-corpus.js'
import { rawExchange, sendHttp, sendRaw, startServer, type MockServer } from './support.js'

vi.setConfig({ testTimeout: 20_000 })

const corpus = buildCorpus()
/** Node's default limit on the request head (`--max-http-header-size`). */
const MAX_HEADER_BYTES = 16 * 1024
const MIB = 1024 * 1024
let nowMs = Date.parse('2024-02-01T00:00:00Z')
let server: MockServer
let context: HostileContext
let baseline: Snapshot
let baselineText: string
const figures = { 'corpus cases': 0, 'raw cases': 0, requests: 0 }

const target = (): HostileTarget => ({
  base: server.baseUrl,
  mock: server.mock,
  async send({ method, url, headers, body }) {
    figures.requests++
    const answer = await sendRaw(url, { method, headers, body })
    return answer
  },
  override(sent: Sent) {
    // What HTTP itself refuses before any handler runs: an oversized head, a control character.
    const headBytes = sent.headers.reduce(
      (total, [name, value]) => total + name.length + value.length + 4,
      0,
    )
    if (headBytes > MAX_HEADER_BYTES) return { status: 431, error: 'bad_request' }
    // eslint-disable-next-line no-control-regex -- the control characters HTTP refuses in a header are the point
    if (sent.headers.some(([, value]) => /[\x00-\x08\x0a-\x1f\x7f]/.test(value)))
      return { status: 400, error: 'bad_request' }
    return undefined
  },
  mayAnswerItself: (status) => status === 400 || status === 413 || status === 431,
})

beforeAll(async () => {
  server = await startServer({ now: () => new Date(nowMs) })
  context = await prepareHostileContext(server.mock, nowMs)
  baseline = server.mock.snapshot()
  baselineText = JSON.stringify(baseline)
})

afterAll(async () => {
  await expectStillAnswering()
  recordFigures('server-hostile', figures)
  await server.close()
})

/** The server answers an ordinary read with the documented key, and the store is as it was. */
async function expectStillAnswering(): Promise<void> {
  const read = await sendHttp(`${server.baseUrl}/api_keys/1`, {
    headers: [['X-API-Key', context.key]],
  })
  figures.requests++
  expect(read.status).toBe(200)
  expect(ApiKeyResponseSchema.parse(JSON.parse(read.text)).data).toEqual({
    ...DOCUMENTED_API_KEY,
    key_value: null,
  })
  expect(JSON.stringify(server.mock.snapshot()) === baselineText, 'the store changed').toBe(true)
}

/** A raw answer is an HTTP error with the API's envelope, or a closed connection with no answer. */
function expectEnvelopeOrClosed(
  exchange: { status: number; body: string; closed: boolean },
  statuses: number[],
): void {
  if (exchange.status === 0) {
    expect(exchange.closed, 'no answer and the connection left open').toBe(true)
    return
  }
  expect(statuses).toContain(exchange.status)
  ErrorResponseSchema.parse(JSON.parse(exchange.body))
}

it.each(corpus.map((entry): [string, HostileCase] => [entry.name, entry]))(
  'answers over HTTP: %s',
  async (_, entry) => {
    server.mock.restore(baseline)
    nowMs += 61_000
    figures['corpus cases']++
    await runHostileCase(entry, context, target(), baselineText)
  },
)

const GARBAGE: [string, string | Uint8Array, number[]][] = [
  ['a word and a blank line', 'GARBAGE\r\n\r\n', [400]],
  ['NUL and control bytes', new Uint8Array([0, 1, 2, 3, 4, 13, 10, 13, 10]), [400]],
  ['random bytes', Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256), [400]],
  [
    'a TLS ClientHello',
    new Uint8Array([
      0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03, 13, 10, 13, 10,
    ]),
    [400],
  ],
  ['an unknown HTTP version', 'GET /api/v1/api_keys HTTP/9.9\r\nHost: x\r\n\r\n', [400]],
  [
    'a header without a colon',
    'GET /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key your-api-key-here\r\n\r\n',
    [400],
  ],
  [
    'a space before the colon',
    'GET /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key : your-api-key-here\r\n\r\n',
    [400],
  ],
  [
    'a non-numeric Content-Length',
    'POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
    [400],
  ],
  [
    'two different Content-Lengths',
    'POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!',
    [400],
  ],
  [
    'Content-Length beside chunked',
    'POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n',
    [400],
  ],
  [
    'a bad chunk size',
    'POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\nhello\r\n0\r\n\r\n',
    [400],
  ],
  ['a bare LF request', 'GET /api/v1/api_keys HTTP/1.1\nHost: x\n\n', [400]],
  [
    'a request line of 20,000 characters',
    `GET /api/v1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    [431],
  ],
  [
    '5,000 small headers',
    `GET /api/v1/api_keys HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 5000 }, (_, i) => `X-${i}: y`).join('\r\n')}\r\n\r\n`,
    [431],
  ],
  [
    'a header of 64 KiB',
    `GET /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${'k'.repeat(64 * 1024)}\r\n\r\n`,
    [431],
  ],
  ['a NUL in the path', 'GET /api/v1/api_keys/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n', [400]],
]

it.each(GARBAGE)(
  'answers raw-socket garbage (%s) with an HTTP error or a closed connection',
  async (_, bytes, statuses) => {
    figures['raw cases']++
    figures.requests++
    const exchange = await rawExchange(server.url, [bytes], { waitMs: 3000 })
    expectEnvelopeOrClosed(exchange, statuses)
    await expectStillAnswering()
  },
)

it('creates nothing from truncated bodies, and closes those connections', async () => {
  server.mock.restore(baseline)
  const body = '{"api_key":{"name":"Truncated","key_type":"private"}}'
  const post = (length: number) =>
    `POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`
  const exchanges = await Promise.all([
    // Declared longer than sent, then the client half-closes.
    rawExchange(server.url, [post(body.length + 100), body], { end: true, waitMs: 3000 }),
    // Declared longer than sent, and the client just goes quiet (dropped after the wait).
    rawExchange(server.url, [post(body.length + 100), body], { waitMs: 1000 }),
    // A chunked body cut off mid-chunk.
    rawExchange(
      server.url,
      [
        `POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n${body.slice(0, 20)}`,
      ],
      { end: true, waitMs: 3000 },
    ),
    // An update cut off half-way.
    rawExchange(
      server.url,
      [
        `PUT /api/v1/api_keys/1 HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"api_key":{"name":"Half`,
      ],
      { end: true, waitMs: 3000 },
    ),
  ])
  figures['raw cases'] += exchanges.length
  figures.requests += exchanges.length
  for (const exchange of exchanges) {
    // Nothing may be created from a body that never arrived; an answer, if any, is an error.
    if (exchange.status !== 0) expectEnvelopeOrClosed(exchange, [400, 408])
  }
  await expectStillAnswering()
})

it('takes a complete request sent a few bytes at a time', async () => {
  server.mock.restore(baseline)
  const body = '{"api_key":{"name":"Trickled","key_type":"private"}}'
  const request = `POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
  const chunks = request.match(/[\s\S]{1,16}/g) ?? []
  const exchange = await rawExchange(server.url, chunks, { gapMs: 10, waitMs: 8000 })
  figures['raw cases']++
  figures.requests++
  expect(exchange.status).toBe(201)
  expect(server.mock.store.listApiKeys(1).map((key) => key.name)).toContain('Trickled')
  server.mock.restore(baseline)
})

it('keeps answering other clients while 20 slow clients trickle their headers', async () => {
  server.mock.restore(baseline)
  const head = `GET /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nX-Padding: ${'p'.repeat(200)}\r\n\r\n`
  const slow = Array.from({ length: 20 }, () =>
    rawExchange(server.url, head.split(''), { gapMs: 100, waitMs: 2500 }),
  )
  const started = Date.now()
  const normal: number[] = []
  // Ordinary requests, one after another, for as long as the slow clients are trickling.
  while (Date.now() - started < 2000 && normal.length < 200) {
    normal.push(
      (
        await sendHttp(`${server.baseUrl}/api_keys/1`, {
          headers: [['X-API-Key', context.key]],
          timeoutMs: 2000,
        })
      ).status,
    )
  }
  const slowExchanges = await Promise.all(slow)
  figures['raw cases'] += slow.length
  figures.requests += slow.length + normal.length
  expect(normal.length).toBeGreaterThan(5)
  expect(new Set(normal)).toEqual(new Set([200]))
  // The slow clients never finished their heads: no answer, or an error (a timeout).
  for (const exchange of slowExchanges)
    if (exchange.status !== 0) expectEnvelopeOrClosed(exchange, [400, 408])
  await expectStillAnswering()
})

it('refuses oversize payloads with 413 in the envelope, without waiting for them', async () => {
  server.mock.restore(baseline)
  const big = JSON.stringify({ api_key: { name: 'x'.repeat(2 * MIB), key_type: 'private' } })
  const headers: [string, string][] = [
    ['X-API-Key', context.key],
    ['Content-Type', 'application/json'],
  ]
  const whole = await sendHttp(`${server.baseUrl}/api_keys`, { method: 'POST', headers, body: big })
  // Declared 100 MiB, 1 KiB sent, then silence: the answer must not wait for the rest.
  const declared = await rawExchange(
    server.url,
    [
      `POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nContent-Length: ${100 * MIB}\r\n\r\n${'{'.repeat(1024)}`,
    ],
    { waitMs: 3000 },
  )
  // Chunked, no length: the limit is counted as the body streams in.
  const chunked = await rawExchange(
    server.url,
    [
      `POST /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ...Array.from({ length: 48 }, () => `10000\r\n${'x'.repeat(0x10000)}\r\n`),
      '0\r\n\r\n',
    ],
    { waitMs: 5000 },
  )
  // Expect: 100-continue for a body over the limit: 413 at once, no invitation to upload.
  const expecting = await rawExchange(
    server.url,
    [
      `PUT /api/v1/api_keys/1 HTTP/1.1\r\nHost: x\r\nX-API-Key: ${context.key}\r\nContent-Type: application/json\r\nContent-Length: ${2 * MIB}\r\nExpect: 100-continue\r\n\r\n`,
    ],
    { waitMs: 3000 },
  )
  figures['raw cases'] += 3
  figures.requests += 4
  expect(whole.status).toBe(413)
  expect(ErrorResponseSchema.parse(JSON.parse(whole.text)).error).toBe('payload_too_large')
  for (const exchange of [declared, chunked, expecting]) {
    expect(exchange.status).toBe(413)
    expect(ErrorResponseSchema.parse(JSON.parse(exchange.body)).error).toBe('payload_too_large')
  }
  expect(expecting.text.startsWith('HTTP/1.1 100')).toBe(false)
  await expectStillAnswering()
})
