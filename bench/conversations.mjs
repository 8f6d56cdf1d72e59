// A page of GET /conversations with 1,000,000 stored conversations against the same page with
// 100, in interleaved rounds of one process: the first page, a page from a cursor in the middle,
// and the web app's agent tab (agent_id and a 30-day window). The caller owns every conversation,
// so the page is read from one million-item timeline. Then what a stored conversation costs in
// heap, and how long the million-conversation store takes to snapshot and to start from it.
// rateLimit and journal are off: the store is measured.
import { setupServer } from 'msw/node'
import { createVoiceableMock } from '../dist/index.js'
import { sequential } from './lib/client.mjs'
import {
  elapsedMs,
  gc,
  heapMiB,
  interleave,
  log,
  pick,
  report,
  startClock,
  statsBy,
} from './lib/harness.mjs'

const BASE = 'https://api.example.com/api/v1'
const SMALL = 100
const BIG = 1_000_000
const ROUNDS = pick(9, 3)
const REQUESTS = pick(300, 100)
const OPTIONS = { scenario: 'empty', rateLimit: false, journal: false }

/** A store whose one user owns `size` conversations on one agent, and the pages to read. */
function createSizedMock(size) {
  const mock = createVoiceableMock(OPTIONS)
  const user = mock.store.createUser({ email: 'target@example.com' })
  const agent = mock.store.createAgent(user.id, { name: 'Customer Support Agent' })
  gc()
  const before = heapMiB()
  const clock = startClock()
  mock.store.generateConversations(user.id, agent.id, size)
  const built = elapsedMs(clock)
  gc()
  const heapDeltaMiB = heapMiB() - before
  // A cursor from the middle of the list: the page after the first half.
  const half = mock.store.listConversations(user.id, { page_size: Math.min(size / 2, 100) })
  let cursor = half.cursor
  for (let read = 100; read < size / 2; read += 100)
    cursor = mock.store.listConversations(user.id, { page_size: 100, cursor }).cursor
  const newest = mock.store.listConversations(user.id, { page_size: 1 }).data[0]
  const end = Date.parse(newest.created_at) / 1000 + 1
  return {
    mock,
    userId: user.id,
    init: { headers: { 'X-API-Key': user.apiKey } },
    queries: {
      first: '',
      cursor: `cursor=${cursor}`,
      'agent-tab': `agent_id=${agent.id}&call_start_before_unix=${end}&call_start_after_unix=${end - 30 * 86_400}&summary_mode=include`,
    },
    built,
    heapDeltaMiB,
  }
}

const small = createSizedMock(SMALL)
const big = createSizedMock(BIG)
log(
  `  ${BIG} conversations built in ${big.built.wall.toFixed(0)} ms, heap +${big.heapDeltaMiB.toFixed(0)} MiB (${((big.heapDeltaMiB * 1024 * 1024) / BIG).toFixed(0)} B each)`,
)
const server = setupServer(...small.mock.handlers)
server.listen({ onUnhandledRequest: 'error' })
const stores = { small, big }

async function compare(query) {
  const measure = (sized) =>
    sequential(() => `${BASE}/conversations?${sized.queries[query]}`, sized.init, REQUESTS)
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

const pages = {}
for (const query of Object.keys(small.queries)) {
  pages[query] = await compare(query)
  log(
    `  ${query}: ${SMALL} ${pages[query].small.cpu.median.toFixed(0)} µs, ${BIG} ${pages[query].big.cpu.median.toFixed(0)} µs CPU`,
  )
}
server.close()

// Snapshot and start-up at a million: not goals, figures to keep an eye on.
gc()
let clock = startClock()
const snapshot = big.mock.snapshot()
const snapshotMs = elapsedMs(clock)
clock = startClock()
const restored = createVoiceableMock({ ...OPTIONS, snapshot })
const firstPage = restored.store.listConversations(big.userId, { page_size: 30 })
const restoreMs = elapsedMs(clock)
if (firstPage.data.length !== 30) throw new Error('Failed to read the restored store')
log(`  snapshot ${snapshotMs.wall.toFixed(0)} ms, start from it ${restoreMs.wall.toFixed(0)} ms`)

report({
  name: 'conversations',
  unit: 'µs/request',
  requests: { sequential: REQUESTS, rounds: ROUNDS },
  sizes: { small: SMALL, big: BIG },
  pages,
  build: {
    ms: big.built,
    heapDeltaMiB: big.heapDeltaMiB,
    bytesPerConversation: (big.heapDeltaMiB * 1024 * 1024) / BIG,
  },
  snapshotMs,
  restoreMs,
})
