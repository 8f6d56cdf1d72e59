/**
 * 1,000 concurrent mixed requests through msw's `setupServer` and the real `fetch`: the store
 * comes out consistent (see concurrency-workload.ts for every check).
 */
import { afterAll, expect, it } from 'vitest'
import { createVoiceableMock } from 'voiceable-mock'
import { startMswServer } from '../support/msw-server.js'
import {
  buildWorkload,
  LOAD_TIME,
  SETUP_TIME,
  WORKLOAD_RATE_LIMIT,
  WORKLOAD_SIZE,
  type Outcome,
} from './concurrency-workload.js'
import { recordFigures } from './figures.js'

const BASE = 'https://api.example.com/api/v1'
let nowMs = SETUP_TIME
const mock = createVoiceableMock({
  scenario: 'empty',
  now: () => new Date(nowMs),
  rateLimit: WORKLOAD_RATE_LIMIT,
})
// Both msw majors' spelling of the unhandled-request strategy (the msw 3 leg runs this too).
const server = startMswServer(mock.handlers, 'error')

afterAll(() => server.close())

it('keeps the store consistent under 1,000 concurrent mixed requests', async () => {
  const workload = await buildWorkload(mock)
  nowMs = LOAD_TIME
  const outcomes = await Promise.all(
    workload.requests.map(async (request): Promise<Outcome> => {
      const response = await fetch(`${BASE}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(30_000),
      })
      return { status: response.status, headers: response.headers, text: await response.text() }
    }),
  )
  workload.verify(outcomes)
  expect(outcomes).toHaveLength(WORKLOAD_SIZE)
  recordFigures('concurrency-msw', { requests: outcomes.length })
}, 60_000)
