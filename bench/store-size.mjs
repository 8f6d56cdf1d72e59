// The same GET /api_keys/{id} with 10, 10k, 100k and 1M keys in the store, each size against a
// 10-key store in interleaved rounds of one process; then GET /api_keys for one user's 10 keys
// with 1M keys in the store against 10. rateLimit and journal are off: the store is measured.
import { setupServer } from 'msw/node'
import { performance } from 'node:perf_hooks'
import { createVoiceableMock } from '../dist/index.js'
import { sequential } from './lib/client.mjs'
import { heapMiB, interleave, log, pick, report, statsBy } from './lib/harness.mjs'

const BASE = 'https://api.example.com/api/v1'
const SIZES = [10_000, 100_000, 1_000_000]
const ROUNDS = pick(9, 3)
const REQUESTS = pick(400, 200)
const OPTIONS = { scenario: 'empty', rateLimit: false, journal: false }

/** A store whose user `target` owns 10 keys, plus a filler user owning the rest. */
function createSizedMock() {
  const mock = createVoiceableMock(OPTIONS)
  const filler = mock.store.createUser({ email: 'filler@example.com' })
  const target = mock.store.createUser({ email: 'target@example.com' })
  mock.store.generateApiKeys(target.id, 9)
  const ids = mock.store.listApiKeys(target.id).map((key) => key.id)
  return { mock, filler, ids, init: { headers: { 'X-API-Key': target.apiKey } } }
}

/** Grows the filler's keys until the store holds `size` keys. */
function growTo(sized, size) {
  const start = performance.now()
  // The two users' own keys may already reach a small size: the store calls refuse a negative count.
  const missing = Math.max(0, size - sized.mock.store.countApiKeys())
  sized.mock.store.generateApiKeys(sized.filler.id, missing)
  return performance.now() - start
}

const small = createSizedMock()
growTo(small, 10)
const big = createSizedMock()
const server = setupServer(...small.mock.handlers)
server.listen({ onUnhandledRequest: 'error' })

const getById = (sized) =>
  sequential((i) => `${BASE}/api_keys/${sized.ids[i % sized.ids.length]}`, sized.init, REQUESTS)
const list = (sized) => sequential(() => `${BASE}/api_keys`, sized.init, REQUESTS)
const stores = { small, big }

async function compare(measure) {
  for (const variant of ['small', 'big']) {
    server.resetHandlers(...stores[variant].mock.handlers)
    await measure(stores[variant]) // warm-up
  }
  const values = await interleave(ROUNDS, ['small', 'big'], (variant) => {
    server.resetHandlers(...stores[variant].mock.handlers)
    return measure(stores[variant])
  })
  return { small: statsBy(values.small), big: statsBy(values.big) }
}

const get = {}
for (const size of SIZES) {
  const ms = growTo(big, size)
  log(
    `  store of ${big.mock.store.countApiKeys()} keys built in ${ms.toFixed(0)} ms, heap ${heapMiB().toFixed(0)} MiB`,
  )
  const result = await compare(getById)
  get[size] = result
  log(
    `  GET /api_keys/{id}: 10 keys ${result.small.cpu.median.toFixed(0)} µs, ${size} keys ${result.big.cpu.median.toFixed(0)} µs CPU`,
  )
}
const listResult = await compare(list)
log(
  `  GET /api_keys (10 of them): 10 keys ${listResult.small.cpu.median.toFixed(0)} µs, 1M keys ${listResult.big.cpu.median.toFixed(0)} µs CPU`,
)
server.close()

report({
  name: 'store-size',
  unit: 'µs/request',
  requests: { sequential: REQUESTS, rounds: ROUNDS },
  storeKeys: big.mock.store.countApiKeys(),
  get: Object.fromEntries(SIZES.map((size) => [size, get[size]])),
  list: listResult,
})
