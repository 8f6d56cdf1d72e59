#!/usr/bin/env node
// Times a newcomer's first commands, the README's first block (read with
// scripts/lib/doc-blocks.mjs): `npm start` to its first answer, and `npm ci && npm test` on a
// fresh clone. A measurement, not a test: it prints the figures (and writes them as JSON with
// --report) and never fails on a slow machine; the goals are in the README and CONTRIBUTING.md.
//
//   node scripts/measure-first-commands.mjs [--dir DIR] [--start] [--fresh-clone] [--report FILE]
//
// --dir: the checkout to measure (default: this one). With neither --start nor --fresh-clone,
// both run.
//   --start: `npm start -- --port <free> --quiet` until `GET /api/v1/api_keys/1` answers 200,
//     with dist/ current, with a source newer than dist/ (stale), and with no dist/; dist/ is
//     rebuilt in full afterwards.
//   --fresh-clone: `git clone` of DIR (its last commit) into a temporary folder, then the
//     README's test command there, each part timed.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { blocksOf } from './lib/doc-blocks.mjs'

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: resolve(import.meta.dirname, '..') },
    start: { type: 'boolean', default: false },
    'fresh-clone': { type: 'boolean', default: false },
    report: { type: 'string' },
  },
})
const DIR = resolve(args.dir)
const both = !args.start && !args['fresh-clone']
const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }
for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name]

/** The README's first block: the start command and the test command, as written. */
const [first] = blocksOf('README.md', readFileSync(join(DIR, 'README.md'), 'utf8'))
const commands = (first?.code ?? '')
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter(Boolean)
const testCommand = commands.find((line) => line.includes('npm test')) ?? 'npm ci && npm test'

const figures = { machine: { cores: availableParallelism(), loadavg: loadavg() } }
const seconds = (ms) => Number((ms / 1000).toFixed(1))

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })
}

/** `npm start -- --port P --quiet` in DIR: milliseconds until key 1 answers 200. */
async function timeStart() {
  const port = await freePort()
  const startedAt = performance.now()
  const child = spawn('npm', ['start', '--', '--port', String(port), '--quiet'], {
    cwd: DIR,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}: ${stderr}`)
      if (performance.now() - startedAt > 300_000) throw new Error('no answer within 300 s')
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/api_keys/1`, {
          headers: { 'X-API-Key': 'your-api-key-here' },
        })
        if (res.status === 200) return performance.now() - startedAt
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 50))
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM')
    await new Promise((done) => child.once('close', done))
  }
}

/**
 * Runs a command; returns its wall time in ms, and in `cpu` its processes' CPU seconds (user +
 * system, GNU time's figures where /usr/bin/time exists): wall time on a busy machine says more
 * about the machine than the command, and CPU / cores is what it would take on an idle one.
 */
function run(command, cwd, timing = {}) {
  const timeFile = join(tmpdir(), `voiceable-mock-time-${process.pid}.txt`)
  const timed = existsSync('/usr/bin/time')
  const startedAt = performance.now()
  const result = timed
    ? spawnSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', 'bash', '-c', command], {
        cwd,
        env,
        stdio: 'inherit',
      })
    : spawnSync('bash', ['-c', command], { cwd, env, stdio: 'inherit' })
  const wall = performance.now() - startedAt
  if (timed) {
    const [user = 0, system = 0] = readFileSync(timeFile, 'utf8')
      .trim()
      .split('\n')
      .at(-1)
      .split(' ')
      .map(Number)
    timing.cpu = Number((user + system).toFixed(1))
    rmSync(timeFile, { force: true })
  }
  timing.status = result.status
  if (result.status !== 0) console.error(`measure: \`${command}\` exited ${result.status}`)
  return wall
}

// A full build (a checkout from before scripts/prepare.mjs: `npm run build`).
const fullBuild = existsSync(join(DIR, 'scripts', 'prepare.mjs'))
  ? 'node scripts/prepare.mjs'
  : 'npm run build --silent'

if (both || args.start) {
  run(fullBuild, DIR)
  figures.start = { current: seconds(await timeStart()) }
  const now = new Date()
  utimesSync(join(DIR, 'src', 'index.ts'), now, now)
  figures.start.stale = seconds(await timeStart())
  rmSync(join(DIR, 'dist'), { recursive: true, force: true })
  figures.start.missing = seconds(await timeStart())
  run(fullBuild, DIR)
  console.log(
    `npm start to its first answer: dist/ current ${figures.start.current}s, stale ${figures.start.stale}s, missing ${figures.start.missing}s`,
  )
}

if (both || args['fresh-clone']) {
  const work = mkdtempSync(join(tmpdir(), 'voiceable-mock-fresh-'))
  const clone = join(work, 'voiceable-mock')
  try {
    const cloneMs = run(`git clone --quiet ${JSON.stringify(DIR)} ${JSON.stringify(clone)}`, work)
    const [install, test] = testCommand.split(/\s+&&\s+/)
    const installCpu = {}
    const testCpu = {}
    const installMs = run(install ?? 'npm ci', clone, installCpu)
    const testMs = run(test ?? 'npm test', clone, testCpu)
    figures.freshClone = {
      command: testCommand,
      clone: seconds(cloneMs),
      install: seconds(installMs),
      installCpu: installCpu.cpu,
      installStatus: installCpu.status,
      test: seconds(testMs),
      testCpu: testCpu.cpu,
      testStatus: testCpu.status,
      total: seconds(installMs + testMs),
    }
    console.log(
      `fresh clone: git clone ${figures.freshClone.clone}s; \`${install}\` ${figures.freshClone.install}s (CPU ${installCpu.cpu}s); \`${test}\` ${figures.freshClone.test}s (CPU ${testCpu.cpu}s); together ${figures.freshClone.total}s`,
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

figures.machine.loadavgAfter = loadavg()
console.log(
  `load average before ${figures.machine.loadavg.map((n) => n.toFixed(2)).join(' ')}, after ${figures.machine.loadavgAfter.map((n) => n.toFixed(2)).join(' ')}`,
)
if (args.report !== undefined) writeFileSync(args.report, `${JSON.stringify(figures, null, 2)}\n`)
