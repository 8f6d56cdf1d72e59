// `mock.fetch` (the core with no msw) against the same GET /api_keys/{id} through `fetch` and
// msw's setupServer with the same mock's handlers, in one process, rounds interleaved. Both
// with the journal on, as it is by default. Beside them, the floor: a hand-written fetch
// function that looks the request up in a Map and answers the same body with `new Response`,
// read by the same loop; nothing in-process can answer a fetch for much less.
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

/** The same body, under the same key and URL, as the floor's one entry. */
const answers = new Map([
  [`GET ${URL_1} ${INIT.headers['X-API-Key']}`, await (await mock.fetch(URL_1, INIT)).text()],
])
/** The floor: a Map lookup and `new Response`, what a hand-written stub of this GET costs. */
async function handwrittenFetch(input, init) {
  const url = typeof input === 'string' ? input : input.url
  const body = answers.get(`${init?.method ?? 'GET'} ${url} ${init?.headers?.['X-API-Key']}`)
  if (body === undefined) return new Response(null, { status: 404 })
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })
}

function throughFetchFunction(fetchFunction, name) {
  return async () => {
    const clock = startClock()
    for (let i = 0; i < FETCH_COUNT; i++) {
      const response = await fetchFunction(URL_1, INIT)
      if (response.status !== 200)
        throw new Error(`Failed to benchmark: ${name} answered ${response.status}`)
      await response.json()
      if ((i + 1) % 50 === 0) await turn()
    }
    return perRequest(clock, FETCH_COUNT)
  }
}

const variants = {
  'setupServer+fetch': () => sequential(() => URL_1, INIT, MSW_COUNT),
  'mock.fetch': throughFetchFunction(mock.fetch, 'mock.fetch'),
  'handwritten-floor': throughFetchFunction(handwrittenFetch, 'the hand-written floor'),
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
  requests: {
    'setupServer+fetch': MSW_COUNT,
    'mock.fetch': FETCH_COUNT,
    'handwritten-floor': FETCH_COUNT,
    rounds: ROUNDS,
  },
  journalEntries: mock.journal.count(),
  results,
})
