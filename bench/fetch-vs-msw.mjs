// `mock.fetch` (the core with no msw) against the same GET /api_keys/{id} through `fetch` and
// msw's setupServer with the same mock's handlers, in one process, rounds interleaved. Both
// with the journal on, as it is by default.
import { setupServer } from 'msw/node'
import { createVoiceableMock } from '../dist/index.js'
import { sequential } from './lib/client.mjs'
import {
  interleave,
  log,
  perRequest,
  pick,
  report,
  startClock,
  statsBy,
  turn,
} from './lib/harness.mjs'

const URL_1 = 'https://api.example.com/api/v1/api_keys/1'
const INIT = { headers: { 'X-API-Key': 'your-api-key-here' } }
// A huge limit keeps the rate-limit code and headers but never answers 429.
const mock = createVoiceableMock({ rateLimit: { limit: 1_000_000_000 } })
const server = setupServer(...mock.handlers)
server.listen({ onUnhandledRequest: 'error' })

const ROUNDS = pick(9, 5)
const MSW_COUNT = pick(400, 200)
const FETCH_COUNT = pick(20_000, 5_000)

async function throughMockFetch() {
  const clock = startClock()
  for (let i = 0; i < FETCH_COUNT; i++) {
    const response = await mock.fetch(URL_1, INIT)
    if (response.status !== 200)
      throw new Error(`Failed to benchmark: mock.fetch answered ${response.status}`)
    await response.json()
    if ((i + 1) % 50 === 0) await turn()
  }
  return perRequest(clock, FETCH_COUNT)
}

const variants = {
  'setupServer+fetch': () => sequential(() => URL_1, INIT, MSW_COUNT),
  'mock.fetch': throughMockFetch,
}
for (const run of Object.values(variants)) await run() // warm-up
const values = await interleave(ROUNDS, Object.keys(variants), (name) => variants[name]())
server.close()
const results = Object.fromEntries(
  Object.entries(values).map(([name, samples]) => [name, statsBy(samples)]),
)
log(
  `  ${Object.entries(results)
    .map(([name, s]) => `${name} ${s.cpu.median.toFixed(1)} µs CPU`)
    .join(', ')}`,
)
report({
  name: 'fetch-vs-msw',
  unit: 'µs/request',
  requests: { 'setupServer+fetch': MSW_COUNT, 'mock.fetch': FETCH_COUNT, rounds: ROUNDS },
  journalEntries: mock.journal.count(),
  results,
})
