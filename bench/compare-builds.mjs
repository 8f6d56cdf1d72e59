// Compares two builds of the library figure by figure, both measured in one run:
//
//   node bench/compare-builds.mjs --base <git-ref> [--head <git-ref> | --head-dir <dir>]
//     [--quick] [--rounds N] [--only <figure-id,...>] [--write <file.md>] [--json <file.json>]
//
// A git ref is exported (`git archive`) into a temporary folder that borrows this repo's
// node_modules (a symlink) and is built there by its own tsup config. Without --head or
// --head-dir, the head is this working tree after `npm run build`; --head-dir takes the dist/ of
// a folder as it is. Each build gets worker processes for the in-process figures
// (bench/compare/worker.mjs), a demo server, and start-up processes of its own; every round
// measures every figure once per build, the builds alternating (base then head, then head then
// base). Prints a Markdown table: per figure the medians over the rounds (min–max), the median of
// the per-round ratios head/base, and whether head is within 10 % of base. CPU time, as in
// bench/run.mjs.
import { fork, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { mswVersion, pick, stats } from './lib/harness.mjs'
import { load, startServer, stopServers } from './lib/servers.mjs'

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..')
// `npm run bench:compare` runs in the repo: paths given on its command line are the caller's.
const CALLER_DIR = process.env.INIT_CWD ?? process.cwd()
const TOLERANCE = 1.1
const USAGE =
  'usage: node bench/compare-builds.mjs --base <git-ref> [--head <git-ref> | --head-dir <dir>] [--quick] [--rounds N] [--only <figure-id,...>] [--write <file.md>] [--json <file.json>]'
const started = Date.now()
const err = (line) => process.stderr.write(`${line}\n`)

function usageError(message) {
  err(`${message}\n${USAGE}`)
  process.exit(2)
}

let options
try {
  options = parseArgs({
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      'head-dir': { type: 'string' },
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      only: { type: 'string' },
      write: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values
} catch (error) {
  usageError(error.message)
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`)
  process.exit(0)
}
if (options.base === undefined) usageError('Failed to compare: --base <git-ref> is required.')
if (options.head !== undefined && options['head-dir'] !== undefined)
  usageError('Failed to compare: give --head or --head-dir, not both.')
const FIXED_ROUNDS = options.rounds === undefined ? undefined : Number(options.rounds)
if (FIXED_ROUNDS !== undefined && !(Number.isInteger(FIXED_ROUNDS) && FIXED_ROUNDS >= 1))
  usageError(`Failed to compare: --rounds takes a positive integer, got ${options.rounds}.`)
// Without --rounds, as many rounds as fit in the time budget, counted from the start (builds
// included): this machine's speed varies several-fold with what else runs on it, and a quick run
// must stay near 3 minutes, a full one under 15. Rounds stop in pairs, so that each build runs
// first equally often.
const BUDGET_MS = pick(13 * 60, 150) * 1000
const MIN_ROUNDS = pick(8, 4)
const MAX_ROUNDS = pick(40, 16)

// ---------------------------------------------------------------------------------------------
// The two builds, each in a temporary folder: dist/ beside a symlink to this repo's node_modules,
// so that both builds and the workers resolve one and the same msw.

const temps = []
const workers = []
function cleanup() {
  for (const worker of workers.splice(0)) worker.stop()
  stopServers()
  for (const dir of temps.splice(0)) {
    // The symlink goes first, so that nothing can reach this repo's node_modules through it.
    if (existsSync(join(dir, 'node_modules'))) unlinkSync(join(dir, 'node_modules'))
    rmSync(dir, { recursive: true, force: true })
  }
}
process.on('exit', cleanup)
process.on('SIGINT', () => process.exit(130))
process.on('SIGTERM', () => process.exit(143))

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0)
    throw new Error(
      `Failed to run ${command} ${args.join(' ')} in ${cwd}: ${result.error ?? `exit ${result.status}`}\n${result.stdout}${result.stderr}`.trim(),
    )
  return result.stdout.trim()
}

const git = (...args) => run('git', args, REPO)

function scratch(side) {
  const dir = mkdtempSync(join(tmpdir(), `voiceable-compare-${side}-`))
  temps.push(dir)
  return dir
}

const borrowNodeModules = (dir) =>
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir')

function subject(sha) {
  const text = git('log', '-1', '--format=%s', sha)
  return text.length <= 80 ? text : `${text.slice(0, 80).replace(/\s+\S*$/, '')}…`
}

function buildRef(side, ref) {
  let sha
  try {
    sha = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)
  } catch {
    throw new Error(`Failed to compare: ${ref} (--${side}) names no commit of ${REPO}.`)
  }
  const short = sha.slice(0, 7)
  err(`::: ${side}: building ${ref} (${short}) in a temporary folder`)
  const dir = scratch(side)
  const tar = join(dir, 'source.tar')
  git('archive', '--format=tar', `--output=${tar}`, sha)
  run('tar', ['-xf', tar, '-C', dir], REPO)
  rmSync(tar)
  borrowNodeModules(dir)
  // The ref's own tsup config; type declarations are not measured, and skipping them saves ~40 s.
  run('npx', ['tsup', '--no-dts'], dir)
  return {
    key: side,
    dist: join(dir, 'dist'),
    title: ref === short ? ref : `${ref}, ${short}`,
    about: `\`${short}\` ${subject(sha)} (git archive, \`npx tsup --no-dts\`)`,
  }
}

/** A copy of `dist`, so that a rebuild during the run cannot change what is measured. */
function copyDist(side, dist, title, about) {
  if (!existsSync(join(dist, 'index.js')) || !existsSync(join(dist, 'node.js')))
    throw new Error(`Failed to compare: ${dist} holds no built package (index.js and node.js).`)
  const dir = scratch(side)
  cpSync(dist, join(dir, 'dist'), { recursive: true })
  borrowNodeModules(dir)
  return { key: side, dist: join(dir, 'dist'), title, about }
}

function workingTree() {
  err('::: head: npm run build in the working tree')
  run('npm', ['run', 'build'], REPO)
  const short = git('rev-parse', '--short=7', 'HEAD')
  const changed = git('status', '--porcelain', '--untracked-files=no') !== ''
  const state = changed ? `${short} with uncommitted changes` : short
  return copyDist(
    'head',
    join(REPO, 'dist'),
    'working tree',
    `the working tree (${state}), \`npm run build\``,
  )
}

let base
let head
try {
  base = buildRef('base', options.base)
  if (options.head !== undefined) head = buildRef('head', options.head)
  else if (options['head-dir'] !== undefined) {
    const dir = resolve(CALLER_DIR, options['head-dir'])
    head = copyDist('head', join(dir, 'dist'), options['head-dir'], `the dist/ of ${dir}, as built`)
  } else head = workingTree()
} catch (error) {
  err(error.message)
  process.exit(1)
}
const sides = [base, head]

// ---------------------------------------------------------------------------------------------
// Measuring

// GC on the measuring thread only: parallel GC helper threads add CPU time that depends on how
// busy the other core is, not on the build.
const NODE_FLAGS = ['--single-threaded-gc']

/** A worker process for one build's in-process figures of `group` (bench/compare/worker.mjs). */
function startWorker(side, group) {
  const child = fork(
    join(REPO, 'bench', 'compare', 'worker.mjs'),
    [side.dist, `--group=${group}`, ...(options.quick ? ['--quick'] : [])],
    {
      execArgv: ['--expose-gc', '--max-old-space-size=4096', ...NODE_FLAGS],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  )
  // One request at a time: the parent waits for each sample before asking for the next.
  let waiting
  const next = () => new Promise((resolve) => (waiting = resolve))
  child.on('message', (message) => waiting?.(message))
  child.on('exit', (code, signal) =>
    waiting?.({ error: `the ${side.key} ${group} worker exited (${code ?? signal})` }),
  )
  const worker = {
    ready: next().then((message) => {
      if (message.error !== undefined) throw new Error(`Failed to compare: ${message.error}`)
      return message.ready.map((figure) => ({ ...figure, group }))
    }),
    async run(id) {
      const reply = next()
      child.send({ run: id })
      const message = await reply
      if (message.error !== undefined) throw new Error(message.error)
      return message.sample
    },
    stop: () => child.kill(),
  }
  workers.push(worker)
  return worker
}

function startup(side, create) {
  const start = performance.now()
  const child = spawnSync(
    process.execPath,
    [join(REPO, 'bench', 'compare', 'startup.mjs'), side.dist, ...(create ? ['--create'] : [])],
    { encoding: 'utf8', timeout: 30_000 },
  )
  const wall = performance.now() - start
  if (child.status !== 0) throw new Error(`Failed to start the ${side.key} build: ${child.stderr}`)
  return { value: Number(child.stdout) / 1000, wall }
}

const DEMO = {
  count: pick(6000, 2500),
  concurrency: 32,
  headers: { 'X-API-Key': 'your-api-key-here' },
}
/** Server CPU per request of one load run; wall is the load run's time per request. */
async function demoServer(side) {
  const before = await side.server.cpu()
  const result = await load(`${side.server.base}/api_keys/1`, DEMO)
  const used = (await side.server.cpu()) - before
  if (!result.complete || result.statuses[200] !== DEMO.count)
    throw new Error(`Failed to load the ${side.key} demo server: ${JSON.stringify(result)}`)
  return { value: used / result.requests, wall: (result.ms * 1000) / result.requests }
}

const loadBefore = loadavg()
err('::: starting the workers and a demo server per build (each store worker builds 1M keys)')
let figures
try {
  for (const side of sides)
    side.workers = { requests: startWorker(side, 'requests'), store: startWorker(side, 'store') }
  for (const side of sides)
    side.server = await startServer(join(REPO, 'bench', 'compare', 'demo-server.mjs'), [side.dist])
  await Promise.all(workers.map((worker) => worker.ready))
  const inProcess = [...(await base.workers.requests.ready), ...(await base.workers.store.ready)]
  figures = [
    ...inProcess.map((figure) => ({
      ...figure,
      measure: (side) => side.workers[figure.group].run(figure.id),
    })),
    {
      id: 'startup',
      label: 'start-up: a process that imports the library',
      unit: 'ms CPU',
      measure: (side) => startup(side, false),
    },
    {
      id: 'startup-create',
      label: 'start-up: a process that imports it and creates the default mock',
      unit: 'ms CPU',
      measure: (side) => startup(side, true),
    },
    {
      id: 'demo-server',
      label: `demo server GET /api_keys/1, ${DEMO.concurrency} keep-alive connections, server CPU`,
      unit: 'µs CPU',
      measure: demoServer,
    },
  ]
} catch (error) {
  err(error.message)
  process.exit(1)
}
if (options.only !== undefined) {
  const ids = options.only.split(',')
  const unknown = ids.filter((id) => !figures.some((figure) => figure.id === id))
  if (unknown.length > 0)
    usageError(
      `Failed to compare: no figure ${unknown.join(', ')}; --only takes some of ${figures.map((figure) => figure.id).join(', ')}.`,
    )
  figures = figures.filter((figure) => ids.includes(figure.id))
}

const samples = Object.fromEntries(figures.map((figure) => [figure.id, { base: [], head: [] }]))
// Round -1 warms each build up (JIT, msw's first requests, the demo server's sockets) and is
// dropped. The order alternates, so neither build always runs right after the other's GC.
const roundMs = []
function anotherRound(done) {
  if (FIXED_ROUNDS !== undefined) return done < FIXED_ROUNDS
  if (done % 2 === 1 || done < MIN_ROUNDS) return true
  if (done >= MAX_ROUNDS) return false
  // Two more rounds, each as long as the slowest of the last few.
  return Date.now() - started + 2 * Math.max(...roundMs.slice(-4)) <= BUDGET_MS
}
let rounds = 0
for (let round = -1; round < 0 || anotherRound(round); round++) {
  const roundStart = Date.now()
  err(
    `::: ${round < 0 ? 'warm-up round' : `round ${round + 1}`} (load ${loadavg()[0].toFixed(2)}, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  )
  const order = round % 2 === 0 ? sides : [head, base]
  for (const figure of figures) {
    const figureSamples = samples[figure.id]
    if (figureSamples.failed !== undefined) continue
    for (const side of order)
      try {
        const sample = await figure.measure(side)
        if (round >= 0) figureSamples[side.key].push(sample)
      } catch (error) {
        figureSamples.failed = `${side.key}: ${String(error.message).split('\n')[0]}`
        err(`::: ${figure.id} failed on ${figureSamples.failed}`)
        break
      }
  }
  if (round >= 0) roundMs.push(Date.now() - roundStart)
  rounds = round + 1
}
cleanup()

// ---------------------------------------------------------------------------------------------
// Report

const num = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2))
const spread = (s) => `${num(s.median)} (${num(s.min)}–${num(s.max)})`
const ratioCell = (ratio, [low, high]) =>
  `${ratio.toFixed(3)} (${low.toFixed(2)}–${high.toFixed(2)})`

/** The `q` quantile of `values`, interpolated between the nearest two. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const below = Math.floor(at)
  return sorted[below] + (sorted[Math.ceil(at)] - sorted[below]) * (at - below)
}

/**
 * Medians of both builds, and the median and quartiles of the per-round ratios. Each round's two
 * samples are taken side by side, so their ratio cancels the load that drifts between rounds:
 * in a self-comparison under a load of 8 to 12, the ratios of the two medians strayed up to 12 %
 * from 1 (6.8 % typically), the medians of the per-round ratios up to 9 % (2.5 % typically).
 * Quartiles, because min–max would mostly show this machine's worst moments.
 */
function compare(figureSamples, field) {
  const [b, h] = [figureSamples.base, figureSamples.head].map((list) => list.map((s) => s[field]))
  const perRound = h.map((value, i) => value / b[i])
  const [baseStats, headStats] = [stats(b), stats(h)]
  return {
    base: baseStats,
    head: headStats,
    ratio: quantile(perRound, 0.5),
    quartiles: [quantile(perRound, 0.25), quantile(perRound, 0.75)],
  }
}

const lines = []
const out = (line = '') => lines.push(line)
const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU'
const seconds = ((Date.now() - started) / 1000).toFixed(0)
out(`# Build comparison: head vs base${options.quick ? ' (--quick)' : ''}`)
out()
out(`- base: ${base.about}`)
out(`- head: ${head.about}`)
out(
  `- Node ${process.version}, msw ${mswVersion()}; ${cpus().length} × ${cpuModel}; load average ${loadBefore.map((n) => n.toFixed(2)).join(' ')} before, ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} after; took ${seconds} s.`,
)
out(
  `- ${rounds} rounds (${FIXED_ROUNDS === undefined ? `as many as fitted in ${BUDGET_MS / 1000} s` : '--rounds'}) after a warm-up round, each measuring every figure once per build, the builds alternating (base first in odd rounds, head first in even ones). Each build has worker processes of its own (in-process figures; the 1M-key store in a second one), a demo server and start-up processes.`,
)
out(
  `- Cells: median over the rounds (min–max). head/base: median of the ${rounds} per-round ratios, head's sample over base's from the same round (their middle half), so it need not equal the ratio of the two medians. Within 10 %: head/base ≤ ${TOLERANCE.toFixed(2)}. CPU time (user + system) of the measuring process, or of the server for the demo server.`,
)
out()
out(`| figure | base (${base.title}) | head (${head.title}) | head/base | within 10%? |`)
out('|---|---|---|---|---|')
const missed = []
const failed = []
for (const figure of figures) {
  const figureSamples = samples[figure.id]
  const label = `${figure.label} (${figure.unit})`
  if (figureSamples.failed !== undefined) {
    failed.push(`\`${figure.id}\``)
    out(`| ${label} | — | — | — | failed (${figureSamples.failed.replaceAll('|', '/')}) |`)
    continue
  }
  const c = compare(figureSamples, 'value')
  const within = c.ratio <= TOLERANCE
  if (!within) missed.push(figure.id)
  out(
    `| ${label} | ${spread(c.base)} | ${spread(c.head)} | ${ratioCell(c.ratio, c.quartiles)} | ${within ? 'yes' : '**no**'} |`,
  )
}
out()
const judged = figures.length - failed.length
const summary = [`**${judged - missed.length} of ${figures.length} figures within 10 %**`]
if (missed.length > 0) summary.push(`over: ${missed.map((id) => `\`${id}\``).join(', ')}`)
if (failed.length > 0) summary.push(`failed: ${failed.join(', ')}`)
out(`${summary.join('; ')}.`)
if (figures.some((figure) => figure.id.startsWith('bare-')))
  out(
    'The control rows run no code of the library: their distance from 1.00 is the noise between two worker processes in this run.',
  )
if (missed.length > 0)
  out(
    `To tell a slowdown from noise, measure those alone with more rounds: \`--only ${missed.join(',')} --rounds 20\`${rounds < 8 ? ' (this run had only a few rounds: a smoke test)' : ''}.`,
  )
out()
out('Wall time, for reference only (it also counts waiting for a core):')
out()
out(`| figure | base (${base.title}) | head (${head.title}) | head/base |`)
out('|---|---|---|---|')
for (const figure of figures) {
  const figureSamples = samples[figure.id]
  if (figureSamples.failed !== undefined || figureSamples.base[0]?.wall === undefined) continue
  const c = compare(figureSamples, 'wall')
  const unit = figure.unit.replace(' CPU', ' wall')
  out(
    `| ${figure.label} (${unit}) | ${spread(c.base)} | ${spread(c.head)} | ${ratioCell(c.ratio, c.quartiles)} |`,
  )
}

const markdown = `${lines.join('\n')}\n`
process.stdout.write(markdown)
if (options.write !== undefined) {
  const path = resolve(CALLER_DIR, options.write)
  writeFileSync(path, markdown)
  err(`::: wrote ${path}`)
}
if (options.json !== undefined) {
  const path = resolve(CALLER_DIR, options.json)
  // Every sample, for statistics other than the table's: per figure, per build, round by round.
  const raw = figures.map(({ id, label, unit }) => ({ id, label, unit, ...samples[id] }))
  const about = (side) => ({ title: side.title, about: side.about })
  writeFileSync(
    path,
    `${JSON.stringify({ base: about(base), head: about(head), rounds, figures: raw }, null, 1)}\n`,
  )
  err(`::: wrote ${path}`)
}
process.exitCode = failed.length > 0 ? 1 : 0
