/**
 * Secrets on the demo server (issue 3): the access log never prints a header value, a key value
 * or a token, even for requests the server refuses itself (oversized headers or bodies, garbage);
 * error bodies never echo them; the journal behind the server holds none.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { DOCUMENTED_KEY_VALUE } from 'voiceable-mock'
import { recordFigures } from '../reliability/figures.js'
import {
  rawExchange,
  sendHttp,
  sendRaw,
  startServer,
  type HttpOutcome,
  type MockServer,
} from './support.js'

vi.setConfig({ testTimeout: 20_000 })

/** A header value that is no credential at all: the log must not print it either. */
const MARKER = 'marker-7f3a9c21e5'
const lines: string[] = []
let server: MockServer
let jwt: string
let createdSecret: string
const figures = { requests: 0, 'log lines': 0 }

beforeAll(async () => {
  server = await startServer({ log: (line) => lines.push(line) })
  jwt = await server.mock.store.issueToken(1)
})

afterAll(async () => {
  figures['log lines'] = lines.length
  recordFigures('server-secrets', figures)
  await server.close()
})

async function waitForLog(count: number): Promise<void> {
  for (let waited = 0; lines.length < count && waited < 5000; waited += 20)
    await new Promise((resolve) => setTimeout(resolve, 20))
}

it('never prints a header value, a key value or a token in the access log', async () => {
  const before = lines.length
  const created = await sendHttp(`${server.baseUrl}/api_keys`, {
    method: 'POST',
    headers: [
      ['Authorization', `Bearer ${jwt}`],
      ['Content-Type', 'application/json'],
      ['X-Trace', MARKER],
    ],
    body: JSON.stringify({ api_key: { name: 'Logged', key_type: 'private' } }),
  })
  createdSecret = (JSON.parse(created.text) as { data: { key_value: string } }).data.key_value
  const id = (JSON.parse(created.text) as { data: { id: number } }).data.id
  const secrets = [DOCUMENTED_KEY_VALUE, jwt, createdSecret, MARKER]
  const answers: HttpOutcome[] = [created]
  const send = async (method: string, path: string, headers: [string, string][], body?: string) => {
    const answer = await sendRaw(`${server.baseUrl}${path}`, {
      method,
      headers: [...headers, ['X-Trace', MARKER]],
      body,
    })
    answers.push(answer)
    return answer
  }
  await send('GET', '/api_keys', [['X-API-Key', createdSecret]])
  await send('GET', `/api_keys/${id}`, [['Authorization', `bearer ${createdSecret}`]])
  await send(
    'PUT',
    `/api_keys/${id}`,
    [
      ['X-API-Key', DOCUMENTED_KEY_VALUE],
      ['Content-Type', 'application/json'],
    ],
    '{"api_key":{"name":"Renamed"}}',
  )
  // Wrong in every way: each answered in the envelope, none printed.
  await send('GET', '/api_keys', [['X-API-Key', `${createdSecret}x`]])
  await send('GET', '/api_keys', [['Authorization', `Token ${jwt}`]])
  await send('GET', '/api_keys', [
    ['X-API-Key', DOCUMENTED_KEY_VALUE],
    ['Authorization', `Bearer ${createdSecret}`],
    ['Authorization', `Bearer ${jwt}`],
  ])
  await send(
    'POST',
    '/api_keys',
    [
      ['X-API-Key', DOCUMENTED_KEY_VALUE],
      ['Content-Type', 'text/plain'],
    ],
    '{"api_key":{"name":"Plain"}}',
  )
  // Secrets in the query string: not a credential the API reads, and never logged either.
  await send('GET', `/api_keys?api_key=${createdSecret}&token=${jwt}`, [
    ['X-API-Key', DOCUMENTED_KEY_VALUE],
  ])
  await send('GET', `/nowhere?api_key=${createdSecret}`, [])
  // Refused by the server itself: oversized headers carrying a secret, an oversized body.
  await send('GET', '/api_keys', [
    ['X-API-Key', DOCUMENTED_KEY_VALUE],
    ['X-Padding', `${createdSecret} ${'p'.repeat(20_000)}`],
  ])
  await send(
    'POST',
    '/api_keys',
    [
      ['X-API-Key', createdSecret],
      ['Content-Type', 'application/json'],
    ],
    `{"api_key":{"name":"${'x'.repeat(1024 * 1024 + 10)}"}}`,
  )
  const garbage = await rawExchange(
    server.url,
    [
      `GET /api/v1/api_keys HTTP/1.1\r\nHost: x\r\nX-API-Key: ${createdSecret}\r\nBroken header ${jwt}\r\n\r\n`,
    ],
    { waitMs: 3000 },
  )
  await send('DELETE', `/api_keys/${id}`, [['Authorization', `Bearer ${jwt}`]])
  await send('GET', '/api_keys', [['X-API-Key', createdSecret]])
  figures.requests += answers.length + 1

  await waitForLog(before + answers.length + 1)
  const log = lines.slice(before)
  expect(log.length).toBeGreaterThanOrEqual(answers.length)
  const text = log.join('\n')
  for (const secret of secrets)
    expect(text.includes(secret), `the access log holds ${secret.slice(0, 12)}…`).toBe(false)
  // Only method, path, outcome and time: no query string.
  expect(text).not.toContain('?')

  // Error bodies echo nothing either, including the server's own (431, 413, 400).
  expect(answers.map((answer) => answer.status)).toEqual(
    expect.arrayContaining([401, 413, 431, 422, 404]),
  )
  for (const answer of [
    ...answers.filter((answer) => answer.status >= 400),
    { text: garbage.body },
  ]) {
    for (const secret of [jwt, createdSecret, DOCUMENTED_KEY_VALUE, MARKER])
      expect(answer.text.includes(secret), `an error body echoes ${secret.slice(0, 12)}…`).toBe(
        false,
      )
  }
  // The journal behind the server: masked, no tokens.
  const journal = JSON.stringify(server.mock.journal.entries())
  for (const secret of [jwt, createdSecret, DOCUMENTED_KEY_VALUE])
    expect(journal.includes(secret)).toBe(false)
})
