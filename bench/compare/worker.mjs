// One build's in-process figures for bench/compare-builds.mjs:
//   node worker.mjs <dist dir> [--quick] [--group=requests|store]
// It sends `{ ready: [{ id, label, unit }] }`, then answers every `{ run: id }` with
// `{ id, sample: { value, wall? } }` (or `{ id, error }`). The parent alternates the two builds'
// workers, so each sample is taken while the other build's workers are idle. The 1M-key store
// has a worker of its own (--group=store): in the other one, a forced GC stays cheap and a major
// collection during a sample stays short.
import { getResponse, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { concurrent, sequential } from '../lib/client.mjs'
import { arg, gc, perRequest, pick, startClock, turn } from '../lib/harness.mjs'

// A parent that dies closes the channel: end too (once any set-up under way is done).
process.on('disconnect', () => process.exit(0))

const dist = process.argv[2]
const GROUP = arg('group', 'requests')
const { createVoiceableMock } = await import(pathToFileURL(join(dist, 'index.js')).href)

const BASE = 'https://api.example.com/api/v1'
const KEY = 'your-api-key-here'
const GET = { headers: { 'X-API-Key': KEY } }
const send = (method, body, key = KEY) => ({
  method,
  headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})
const SIGN_IN = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ user: { email: 'user@example.com', password: 'password' } }),
}
// A huge limit keeps the rate-limit code and headers but never answers 429.
const RATE_LIMIT = { limit: 1_000_000_000 }
const STORE_SIZE = 1_000_000
const GENERATED = 10_000

/** `count` calls of `fetchLike(urlAt(i), init)`, each checked and its body parsed; µs per call. */
async function loop(fetchLike, urlAt, init, status, count) {
  const clock = startClock()
  for (let i = 0; i < count; i++) {
    const url = urlAt(i)
    const response = await fetchLike(url, init)
    if (response?.status !== status)
      throw new Error(
        `Failed to benchmark: ${init.method ?? 'GET'} ${url} answered ${response?.status}: ${await response?.text()}`,
      )
    await response.json()
    if ((i + 1) % 50 === 0) await turn()
  }
  return perRequest(clock, count)
}
const at = (url) => () => url

/** The figures of every endpoint and transport, on small stores. */
async function requestFigures() {
  const reads = createVoiceableMock({ rateLimit: RATE_LIMIT })
  const readsNoJournal = createVoiceableMock({ rateLimit: RATE_LIMIT, journal: false })
  // Writes grow the store: each sample starts from a reset one, so every round measures the same.
  const writes = createVoiceableMock({ rateLimit: RATE_LIMIT })

  const server = setupServer(...reads.handlers)
  server.listen({ onUnhandledRequest: 'error' })
  const keyOne = await (await fetch(`${BASE}/api_keys/1`, GET)).json()
  const bare = [http.get(`${BASE}/api_keys/:id`, () => HttpResponse.json(keyOne))]
  const throughMsw = (handlers, run) => {
    server.resetHandlers(...handlers)
    return run()
  }
  const SEQUENTIAL = pick(300, 150)
  const WAVES = pick(6, 3)

  /** A fresh empty store with one user, and that user's id. */
  function emptyStore() {
    const mock = createVoiceableMock({ scenario: 'empty', rateLimit: false, journal: false })
    return { mock, userId: mock.store.createUser().id }
  }

  return {
    'fetch-get-key': {
      label: 'mock.fetch GET /api_keys/{id}',
      run: () => loop(reads.fetch, at(`${BASE}/api_keys/1`), GET, 200, pick(4000, 1500)),
    },
    'fetch-list-keys': {
      label: 'mock.fetch GET /api_keys',
      run: () => loop(reads.fetch, at(`${BASE}/api_keys`), GET, 200, pick(3000, 1200)),
    },
    'fetch-create-key': {
      label: 'mock.fetch POST /api_keys',
      run: () => {
        writes.reset()
        const body = send('POST', { api_key: { name: 'Bench key', key_type: 'private' } })
        return loop(writes.fetch, at(`${BASE}/api_keys`), body, 201, pick(2000, 800))
      },
    },
    'fetch-update-key': {
      label: 'mock.fetch PATCH /api_keys/{id}',
      run: () => {
        writes.reset()
        const body = send('PATCH', { api_key: { name: 'Renamed key' } })
        return loop(writes.fetch, at(`${BASE}/api_keys/1`), body, 200, pick(3000, 1200))
      },
    },
    'fetch-get-agent': {
      label: 'mock.fetch GET /agents/{id}',
      run: () => loop(reads.fetch, at(`${BASE}/agents/123`), GET, 200, pick(4000, 1500)),
    },
    'fetch-list-agents': {
      label: 'mock.fetch GET /agents',
      run: () => loop(reads.fetch, at(`${BASE}/agents`), GET, 200, pick(3000, 1200)),
    },
    'fetch-create-agent': {
      label: 'mock.fetch POST /agents',
      run: () => {
        writes.reset()
        const body = send('POST', { agent: { name: 'Bench agent' } })
        return loop(writes.fetch, at(`${BASE}/agents`), body, 201, pick(3000, 1200))
      },
    },
    'fetch-sign-in': {
      label: 'mock.fetch POST /auth/sign_in',
      run: () => loop(reads.fetch, at(`${BASE}/auth/sign_in`), SIGN_IN, 200, pick(1500, 600)),
    },
    'get-response': {
      label: "msw's getResponse(mock.handlers) GET /api_keys/{id}",
      run: () =>
        loop(
          (url, init) => getResponse(reads.handlers, new Request(url, init)),
          at(`${BASE}/api_keys/1`),
          GET,
          200,
          pick(1000, 400),
        ),
    },
    'msw-sequential': {
      label: 'setupServer + fetch GET /api_keys/{id}, sequential',
      run: () =>
        throughMsw(reads.handlers, () => sequential(at(`${BASE}/api_keys/1`), GET, SEQUENTIAL)),
    },
    'msw-concurrent': {
      label: 'setupServer + fetch GET /api_keys/{id}, 50 concurrent',
      run: () => throughMsw(reads.handlers, () => concurrent(at(`${BASE}/api_keys/1`), GET, WAVES)),
    },
    'msw-sequential-no-journal': {
      label: 'setupServer + fetch, journal off, sequential',
      run: () =>
        throughMsw(readsNoJournal.handlers, () =>
          sequential(at(`${BASE}/api_keys/1`), GET, SEQUENTIAL),
        ),
    },
    'msw-concurrent-no-journal': {
      label: 'setupServer + fetch, journal off, 50 concurrent',
      run: () =>
        throughMsw(readsNoJournal.handlers, () => concurrent(at(`${BASE}/api_keys/1`), GET, WAVES)),
    },
    // The same requests to a static msw handler: no code of ours runs, so its ratio shows how far
    // two worker processes differ by themselves in this run.
    'bare-sequential': {
      label: 'control: bare msw handler, sequential',
      run: () => throughMsw(bare, () => sequential(at(`${BASE}/api_keys/1`), GET, SEQUENTIAL)),
    },
    'bare-concurrent': {
      label: 'control: bare msw handler, 50 concurrent',
      run: () => throughMsw(bare, () => concurrent(at(`${BASE}/api_keys/1`), GET, WAVES)),
    },
    'generate-keys': {
      label: `store.generateApiKeys(user, ${GENERATED / 1000}k), per key`,
      run: () => {
        const { mock, userId } = emptyStore()
        gc()
        const clock = startClock()
        mock.store.generateApiKeys(userId, GENERATED)
        return perRequest(clock, GENERATED)
      },
    },
    'generate-keys-heap': {
      label: `heap per generated key (${GENERATED / 1000}k keys, after GC)`,
      unit: 'B',
      run: () => {
        const { mock, userId } = emptyStore()
        gc()
        const before = process.memoryUsage().heapUsed
        mock.store.generateApiKeys(userId, GENERATED)
        gc()
        const bytes = (process.memoryUsage().heapUsed - before) / GENERATED
        // Read after the measurement, so the store is still alive when the heap is measured; the
        // user's own key is the one more.
        if (mock.store.countApiKeys() !== GENERATED + 1)
          throw new Error(`Failed to generate the keys: ${mock.store.countApiKeys()}`)
        return { cpu: bytes }
      },
    },
  }
}

/** The store-size figures, as bench/store-size.mjs builds the store. */
function storeFigures() {
  // One user's 10 keys among a million; rateLimit and journal off, so the store is measured.
  const big = createVoiceableMock({ scenario: 'empty', rateLimit: false, journal: false })
  const filler = big.store.createUser({ email: 'filler@example.com' })
  const target = big.store.createUser({ email: 'target@example.com' })
  big.store.generateApiKeys(target.id, 9)
  const targetIds = big.store.listApiKeys(target.id).map((key) => key.id)
  big.store.generateApiKeys(filler.id, STORE_SIZE - big.store.countApiKeys())
  const BIG = { headers: { 'X-API-Key': target.apiKey } }

  return {
    // Through mock.fetch rather than setupServer (as bench/store-size.mjs does): msw's share would
    // hide a slower store lookup, and msw is measured by the other worker's figures.
    'store-get-key': {
      label: 'mock.fetch GET /api_keys/{id}, 1M keys in the store',
      run: () =>
        loop(
          big.fetch,
          (i) => `${BASE}/api_keys/${targetIds[i % targetIds.length]}`,
          BIG,
          200,
          pick(4000, 1500),
        ),
    },
    'store-list-keys': {
      label: "mock.fetch GET /api_keys (a user's 10), 1M keys in the store",
      run: () => loop(big.fetch, at(`${BASE}/api_keys`), BIG, 200, pick(3000, 1200)),
    },
  }
}

const FIGURES = GROUP === 'store' ? storeFigures() : await requestFigures()

// Each sample starts on an empty young generation. A full collection of the 1M-key store takes
// a second or more, so the store's worker only empties the young generation.
const collect = GROUP === 'store' ? () => globalThis.gc({ type: 'minor' }) : gc

process.on('message', async ({ run }) => {
  try {
    collect()
    await turn()
    const { cpu, wall } = await FIGURES[run].run()
    process.send({ id: run, sample: { value: cpu, wall } })
  } catch (error) {
    process.send({ id: run, error: String(error?.stack ?? error) })
  }
})
process.send({
  ready: Object.entries(FIGURES).map(([id, figure]) => ({
    id,
    label: figure.label,
    unit: figure.unit ?? 'µs CPU',
  })),
})
