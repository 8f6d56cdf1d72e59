// Creating a campaign from a 10,000-line CSV (POST /campaigns, multipart, through msw's
// setupServer) against 100 ordinary msw requests (GET /campaigns/1), in interleaved rounds of one
// process. The goal: one such create costs less than the 100 requests. The journal is on (it
// keeps the form as it keeps any body); the rate limit is off so 100 requests a round pass.
import { setupServer } from 'msw/node'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE } from '../dist/index.js'
import { sequential } from './lib/client.mjs'
import { interleave, log, perRequest, pick, report, startClock, statsBy } from './lib/harness.mjs'

const BASE = 'https://api.example.com/api/v1'
const LINES = 10_000
const REQUESTS = 100
const CREATES = pick(5, 2)
const ROUNDS = pick(9, 3)
const init = { headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE } }

const mock = createVoiceableMock({ rateLimit: false })
const server = setupServer(...mock.handlers)
server.listen({ onUnhandledRequest: 'error' })

// The documented header, then one number a line: ~150 KB.
const csv = `phone_number\n${Array.from({ length: LINES }, (_, i) => `+1555${String(i).padStart(7, '0')}`).join('\n')}\n`

/** One create per call, each with a new FormData as a client would build it. */
async function create() {
  const form = new FormData()
  form.append('name', 'Bench campaign')
  form.append('phone_number_id', '1')
  form.append('agent_id', '123')
  form.append('recipients_file', new File([csv], 'recipients.csv', { type: 'text/csv' }))
  form.append('send_immediately', 'true')
  const response = await fetch(`${BASE}/campaigns`, { method: 'POST', body: form, ...init })
  const body = await response.json()
  if (response.status !== 201 || body.data.recipients_count !== LINES)
    throw new Error(`Failed to benchmark: POST /campaigns answered ${response.status}`)
}

const variants = {
  /** One create from the CSV, per create. */
  async 'create-10k-csv'() {
    const clock = startClock()
    for (let i = 0; i < CREATES; i++) await create()
    const each = perRequest(clock, CREATES)
    return { wall: each.wall / 1000, cpu: each.cpu / 1000 }
  },
  /** 100 GET /campaigns/1, all of them (not per request). */
  async 'get-x100'() {
    const each = await sequential(() => `${BASE}/campaigns/1`, init, REQUESTS)
    return { wall: (each.wall * REQUESTS) / 1000, cpu: (each.cpu * REQUESTS) / 1000 }
  },
}

for (const measure of Object.values(variants)) await measure() // warm-up
const values = await interleave(ROUNDS, Object.keys(variants), (name) => variants[name]())
server.close()
const results = Object.fromEntries(
  Object.entries(values).map(([name, samples]) => [name, statsBy(samples)]),
)
const ratio = results['create-10k-csv'].cpu.median / results['get-x100'].cpu.median
log(
  `  create from ${LINES} lines ${results['create-10k-csv'].cpu.median.toFixed(1)} ms CPU, ${REQUESTS} GETs ${results['get-x100'].cpu.median.toFixed(1)} ms CPU: ${ratio.toFixed(3)}×`,
)
report({
  name: 'campaign-csv',
  unit: 'ms per create / per 100 requests',
  lines: LINES,
  requests: REQUESTS,
  creates: CREATES,
  rounds: ROUNDS,
  results,
})
