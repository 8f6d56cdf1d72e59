// Start-up: whole processes (spawn to exit) importing msw alone, the library, and the library
// plus one createVoiceableMock(); rounds interleaved. Node's own start-up is shown for scale.
// Each process reports its own CPU time; wall time is taken from spawn to exit.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ROOT, interleave, log, pick, report, statsBy } from './lib/harness.mjs'

const SCRIPTS = {
  node: 'node.mjs',
  msw: 'msw.mjs',
  library: 'library.mjs',
  'library+create': 'library-create.mjs',
  'msw+msw/node': 'msw-node.mjs',
  'library+msw/node': 'library-node.mjs',
  // The start-up goal's pair: what a test file of each pays before its first test.
  'msw setupServer': 'msw-setup-server.mjs',
  'library+create+setupServer': 'library-setup-server.mjs',
}
const ROUNDS = pick(21, 9)

function run(variant) {
  const start = performance.now()
  const child = spawnSync(process.execPath, [join(ROOT, 'bench', 'startup', SCRIPTS[variant])], {
    stdio: 'pipe',
    timeout: 30_000,
  })
  const wall = performance.now() - start
  if (child.status !== 0) throw new Error(`Failed to start ${variant}: ${child.stderr}`)
  return { wall, cpu: Number(child.stdout) / 1000 }
}

for (const variant of Object.keys(SCRIPTS)) run(variant) // warm the file-system cache
const values = await interleave(ROUNDS, Object.keys(SCRIPTS), async (variant) => run(variant))
const results = Object.fromEntries(
  Object.entries(values).map(([variant, ms]) => [variant, statsBy(ms)]),
)
log(
  `  ${Object.entries(results)
    .map(([v, s]) => `${v} ${s.cpu.median.toFixed(0)} ms CPU`)
    .join(', ')}`,
)
report({ name: 'startup', unit: 'ms per process', rounds: ROUNDS, results })
