// Throughput of the demo server (voiceable-mock/node) against a hand-written node:http server
// doing the same lookup, and against json-server 0.17 serving the same keys. Each server and
// each load run is its own child process; loopback only; bounded request counts; rounds
// interleaved. Measured only when dist/node.js exists (the demo server is built).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createVoiceableMock } from '../dist/index.js'
import { ROOT, interleave, log, pick, report, statsBy } from './lib/harness.mjs'
import { load as loadWith, startServer as startScript, stopServers } from './lib/servers.mjs'

const REPO = process.env.BENCH_REPO_ROOT ?? ROOT
const ROUNDS = pick(5, 3)
const COUNT = pick(6000, 2500)
const CONCURRENCY = 32
const HEADERS = { 'X-API-Key': 'your-api-key-here' }

if (!existsSync(join(ROOT, 'dist', 'node.js'))) {
  log('  dist/node.js is missing: demo server not built, not measured')
  report({ name: 'demo-server', skipped: 'demo server not built' })
  process.exit(0)
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function startJsonServer() {
  const folder = mkdtempSync(join(tmpdir(), 'voiceable-bench-json-server-'))
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }))
  const keys = createVoiceableMock()
    .snapshot()
    .api_keys.map((key) => ({ ...key, key_value: null }))
  const db = join(folder, 'db.json')
  writeFileSync(db, JSON.stringify({ api_keys: keys }))
  return startServer('json-server.mjs', [
    `--db=${db}`,
    `--port=${await freePort()}`,
    `--repo=${REPO}`,
  ])
}

const startServer = (script, args) => startScript(join(ROOT, 'bench', 'servers', script), args)
const load = (url, count) => loadWith(url, { count, concurrency: CONCURRENCY, headers: HEADERS })

const servers = {
  'demo-server': await startServer('demo.mjs'),
  'node-http': await startServer('node-http.mjs'),
  'json-server': await startJsonServer(),
}
const urlOf = (name) => `${servers[name].base}/api_keys/1`
for (const name of Object.keys(servers)) {
  const warm = await load(urlOf(name), 500)
  if (warm.statuses[200] !== 500)
    throw new Error(
      `Failed to benchmark ${name}: warm-up answered ${JSON.stringify(warm.statuses)}`,
    )
}
const statuses = {}
const values = await interleave(ROUNDS, Object.keys(servers), async (name) => {
  const before = await servers[name].cpu()
  const run = await load(urlOf(name), COUNT)
  const cpuPerRequest = ((await servers[name].cpu()) - before) / run.requests
  for (const [status, n] of Object.entries(run.statuses))
    statuses[`${name} ${status}`] = (statuses[`${name} ${status}`] ?? 0) + n
  if (!run.complete || run.statuses[200] !== COUNT)
    throw new Error(`Failed to benchmark ${name}: ${JSON.stringify(run)}`)
  // Throughput as measured (wall), and as the server's CPU allows: one core's second / CPU per request.
  return { wall: run.rps, cpu: 1e6 / cpuPerRequest }
})
stopServers()
const results = Object.fromEntries(
  Object.entries(values).map(([name, samples]) => [name, statsBy(samples)]),
)
log(
  `  ${Object.entries(results)
    .map(
      ([n, s]) =>
        `${n} ${s.wall.median.toFixed(0)} req/s (${s.cpu.median.toFixed(0)} per server CPU second)`,
    )
    .join(', ')}`,
)
report({
  name: 'demo-server',
  unit: 'requests/s',
  requests: { perRound: COUNT, concurrency: CONCURRENCY, rounds: ROUNDS },
  statuses,
  results,
})
process.exit(0)
