// Our GET /api_keys/{id} (auth + ownership + envelope + rate-limit headers + journal) against a
// bare msw handler answering the same JSON statically, through `fetch` and setupServer, both in
// one process, rounds interleaved. Also our GET with the journal off.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { createVoiceableMock } from '../dist/index.js'
import { concurrent, sequential } from './lib/client.mjs'
import { interleave, log, pick, report, statsBy } from './lib/harness.mjs'

const BASE = 'https://api.example.com/api/v1'
const URL_1 = `${BASE}/api_keys/1`
const INIT = { headers: { 'X-API-Key': 'your-api-key-here' } }
// The default rate limit (1000 a minute) would answer 429 within the first round; a huge limit
// keeps the same code path and the same three X-RateLimit-* headers on every response.
const RATE_LIMIT = { limit: 1_000_000_000 }

const ours = createVoiceableMock({ rateLimit: RATE_LIMIT })
const oursNoJournal = createVoiceableMock({ rateLimit: RATE_LIMIT, journal: false })

const server = setupServer(...ours.handlers)
server.listen({ onUnhandledRequest: 'error' })
const body = await (await fetch(URL_1, INIT)).json()
if (body.data?.id !== 1) throw new Error(`Failed to read key 1: ${JSON.stringify(body)}`)
const bare = [http.get(`${BASE}/api_keys/:id`, () => HttpResponse.json(body))]

const HANDLERS = { bare, ours: ours.handlers, 'ours-journal-off': oursNoJournal.handlers }
const VARIANTS = Object.keys(HANDLERS)
const ROUNDS = pick(9, 5)
const SEQUENTIAL = pick(400, 200)
const WAVES = pick(20, 8)

const urlAt = () => URL_1
const modes = {
  sequential: () => sequential(urlAt, INIT, SEQUENTIAL),
  'concurrent-50': () => concurrent(urlAt, INIT, WAVES, 50),
}

const results = {}
for (const [mode, run] of Object.entries(modes)) {
  for (const variant of VARIANTS) {
    server.resetHandlers(...HANDLERS[variant])
    await run() // warm-up: JIT, msw's first-request setup
  }
  const values = await interleave(ROUNDS, VARIANTS, async (variant) => {
    server.resetHandlers(...HANDLERS[variant])
    return run()
  })
  results[mode] = Object.fromEntries(VARIANTS.map((variant) => [variant, statsBy(values[variant])]))
  log(
    `  ${mode}: ${VARIANTS.map((v) => `${v} ${results[mode][v].cpu.median.toFixed(0)} µs CPU`).join(', ')}`,
  )
}
server.close()

report({
  name: 'get-vs-bare',
  unit: 'µs/request',
  requests: { sequential: SEQUENTIAL, 'concurrent-50': WAVES * 50, rounds: ROUNDS },
  journalEntries: ours.journal.count(),
  results,
})
