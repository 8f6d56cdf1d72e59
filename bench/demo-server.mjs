// Throughput of the demo server (voiceable-mock/node) against a hand-written node:http server
// doing the same lookup, and against json-server 0.17 serving the same keys. Each server and
// each load run is its own child process; loopback only; bounded request counts; rounds
// interleaved. Measured only when dist/node.js exists (the demo server is built).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createVoiceableMock } from '../dist/index.js'
import { ROOT, interleave, log, pick, report, stats } from './lib/harness.mjs'

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

const children = []
const stopAll = () => children.forEach((child) => child.kill())
process.on('exit', stopAll)

/** Spawns a server that prints `{"base": url}` as its first line. */
function startPrinting(script) {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'servers', script)], { stdio: ['pipe', 'pipe', 'inherit'] })
  children.push(child)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Failed to start ${script}: no URL within 30 s`)), 30_000)
    let text = ''
    child.stdout.on('data', (chunk) => {
      text += chunk
      if (text.includes('\n')) {
        clearTimeout(timer)
        resolve(JSON.parse(text.slice(0, text.indexOf('\n'))).base)
      }
    })
    child.on('exit', (code) => reject(new Error(`Failed to start ${script}: exited with ${code}`)))
  })
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
  const keys = createVoiceableMock().snapshot().api_keys.map((key) => ({ ...key, key_value: null }))
  writeFileSync(join(folder, 'db.json'), JSON.stringify({ api_keys: keys }))
  const port = await freePort()
  const bin = join(REPO, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js')
  const child = spawn(process.execPath, [bin, 'db.json', '--port', String(port), '--host', '127.0.0.1', '--quiet', '--read-only'], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  children.push(child)
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }))
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`${base}/api_keys/1`).then((res) => res.ok, () => false)
    if (ok) return base
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('Failed to start json-server: not answering within 20 s')
}

function load(url, count) {
  const args = [join(ROOT, 'bench', 'servers', 'load.mjs'), `--url=${url}`, `--count=${count}`, `--concurrency=${CONCURRENCY}`, '--seconds=60', `--headers=${JSON.stringify(HEADERS)}`]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], timeout: 90_000 })
    let text = ''
    child.stdout.on('data', (chunk) => (text += chunk))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text)) : reject(new Error(`Failed to load ${url}: exit ${code}`))))
  })
}

const targets = {
  'demo-server': `${await startPrinting('demo.mjs')}/api_keys/1`,
  'node-http': `${await startPrinting('node-http.mjs')}/api_keys/1`,
  'json-server': `${await startJsonServer()}/api_keys/1`,
}
const statuses = {}
for (const [name, url] of Object.entries(targets)) {
  const warm = await load(url, 500)
  if (warm.statuses[200] !== 500) throw new Error(`Failed to benchmark ${name}: warm-up answered ${JSON.stringify(warm.statuses)}`)
}
const values = await interleave(ROUNDS, Object.keys(targets), async (name) => {
  const run = await load(targets[name], COUNT)
  for (const [status, n] of Object.entries(run.statuses)) statuses[`${name} ${status}`] = (statuses[`${name} ${status}`] ?? 0) + n
  if (!run.complete || run.statuses[200] !== COUNT) throw new Error(`Failed to benchmark ${name}: ${JSON.stringify(run)}`)
  return run.rps
})
stopAll()
const results = Object.fromEntries(Object.entries(values).map(([name, rps]) => [name, stats(rps)]))
log(`  ${Object.entries(results).map(([n, s]) => `${n} ${s.median.toFixed(0)} req/s`).join(', ')}`)
report({ name: 'demo-server', unit: 'requests/s', requests: { perRound: COUNT, concurrency: CONCURRENCY, rounds: ROUNDS }, statuses, results })
process.exit(0)
