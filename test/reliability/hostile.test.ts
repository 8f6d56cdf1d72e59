/**
 * Hostile inputs (test/reliability/hostile-corpus.ts) against every endpoint, through msw's
 * `getResponse`: each is answered in the API's envelope with the right status, the store is
 * unchanged, nothing is polluted, no credential is echoed, and afterwards the fake still answers
 * ordinary requests correctly.
 */
import { getResponse } from 'msw'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createVoiceableMock, type Snapshot } from 'voiceable-mock'
import { ApiKeyResponseSchema } from 'voiceable-mock/schemas'
import { DOCUMENTED_API_KEY } from '../support/documented.js'
import { recordFigures } from './figures.js'
import { prepareHostileContext, runHostileCase, type HostileTarget } from './hostile-check.js'
import { buildCorpus, type HostileCase, type HostileContext } from './hostile-corpus.js'

const BASE = 'https://api.example.com/api/v1'
const corpus = buildCorpus()
let nowMs = Date.parse('2024-02-01T00:00:00Z')
const mock = createVoiceableMock({ now: () => new Date(nowMs) })
let context: HostileContext
let baseline: Snapshot
let baselineText: string
const figures = { cases: 0, requests: 0 }

const target: HostileTarget = {
  base: BASE,
  mock,
  async send({ method, url, headers, body }) {
    const all = new Headers()
    for (const [name, value] of headers) all.append(name, value)
    const response = await getResponse(
      mock.handlers,
      new Request(url, {
        method,
        headers: all,
        ...(body === undefined ? {} : { body: body as BodyInit }),
      }),
    )
    figures.requests++
    if (response === undefined)
      throw new Error(`Failed to get an answer: no handler matched ${method} ${url}`)
    return { status: response.status, headers: response.headers, text: await response.text() }
  },
}

beforeAll(async () => {
  context = await prepareHostileContext(mock, nowMs)
  baseline = mock.snapshot()
  baselineText = JSON.stringify(baseline)
})

afterAll(async () => {
  // After all of it, the fake still answers correctly: a read, a write, and the store is intact.
  mock.restore(baseline)
  const read = await getResponse(
    mock.handlers,
    new Request(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': context.key } }),
  )
  expect(read?.status).toBe(200)
  expect(ApiKeyResponseSchema.parse(await read?.json()).data).toEqual({
    ...DOCUMENTED_API_KEY,
    key_value: null,
  })
  const created = await getResponse(
    mock.handlers,
    new Request(`${BASE}/api_keys`, {
      method: 'POST',
      headers: { 'X-API-Key': context.key, 'Content-Type': 'application/json' },
      body: '{"api_key":{"name":"After","key_type":"private"}}',
    }),
  )
  expect(created?.status).toBe(201)
  figures.requests += 2
  recordFigures('hostile', figures)
})

it('holds at least 200 hostile cases, each with its own name', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200)
  expect(new Set(corpus.map((entry) => entry.name)).size).toBe(corpus.length)
})

it.each(corpus.map((entry): [string, HostileCase] => [entry.name, entry]))(
  '%s',
  async (_, entry) => {
    mock.restore(baseline)
    nowMs += 61_000
    figures.cases++
    await runHostileCase(entry, context, target, baselineText)
  },
)
