// Building a store of --size=N generated keys with `store.generateApiKeys`: time and heap.
// One size per child process, so each starts from a clean heap.
import { createVoiceableMock } from '../dist/index.js'
import {
  arg,
  elapsedMs,
  gc,
  heapMiB,
  log,
  pick,
  report,
  startClock,
  stats,
  statsBy,
  turn,
} from './lib/harness.mjs'

const size = Number(arg('size', '10000'))
const rounds = size >= 1_000_000 ? pick(3, 1) : size >= 100_000 ? pick(5, 2) : pick(15, 7)

const times = []
const heapDeltas = []
const heapTotals = []
let keep
for (let round = 0; round < rounds + 1; round++) {
  // eslint-disable-next-line no-useless-assignment -- drops the last round's store, so gc() can free it before this round
  keep = undefined
  gc()
  await turn()
  const mock = createVoiceableMock({ scenario: 'empty', rateLimit: false, journal: false })
  const user = mock.store.createUser()
  gc()
  const before = heapMiB()
  const clock = startClock()
  mock.store.generateApiKeys(user.id, size)
  const ms = elapsedMs(clock)
  keep = mock
  gc()
  if (keep.store.countApiKeys() !== size + 1)
    throw new Error(`Failed to build the store: ${keep.store.countApiKeys()} keys`)
  // Round 0 warms the JIT up and is not counted, except for 1M keys (which warm up by themselves).
  if (round === 0 && size < 1_000_000) continue
  times.push(ms)
  heapDeltas.push(heapMiB() - before)
  heapTotals.push(heapMiB())
  log(
    `  ${size} keys: ${ms.cpu.toFixed(1)} ms CPU, ${ms.wall.toFixed(1)} ms wall, +${(heapMiB() - before).toFixed(0)} MiB (heap ${heapMiB().toFixed(0)} MiB)`,
  )
  if (times.length >= rounds) break
}

report({
  name: 'build-store',
  size,
  rounds: times.length,
  ms: statsBy(times),
  heapDeltaMiB: stats(heapDeltas),
  heapTotalMiB: stats(heapTotals),
  bytesPerKey: (stats(heapDeltas).median * 1024 * 1024) / size,
})
