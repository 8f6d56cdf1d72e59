#!/usr/bin/env node
// The consumer matrix: packs the package once, then installs the tarball into a fresh temporary
// project per consumer (beside one msw major and that consumer's runner, all from the registry)
// and runs the consumer's test against the fake. Writes a JSON report in the shape of vitest's
// (numPassedTests, numFailedTests, numPendingTests) so .ci/summary.mjs counts one test per consumer.
//
//   node scripts/consumer-matrix.mjs [--report FILE] [--only TEXT] [--jobs N]
//
// NODE22_BIN names a folder holding a Node 22 `node` binary; the msw 3 consumers run with it
// first on PATH (msw 3 needs Node >= 22.12). Run `npm run build` first: the tarball ships dist/.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = resolve(import.meta.dirname, '..')
const FIXTURES = join(ROOT, 'test', 'consumer')
const STEP_TIMEOUT_MS = 300_000

const { values: args } = parseArgs({
  options: {
    report: { type: 'string' },
    only: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
})

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const hasNodeEntry = pkg.exports?.['./node'] !== undefined
const hasBin = pkg.bin !== undefined

/**
 * One consumer: a fixture folder, the packages its project installs beside the tarball, and
 * the commands that are its test. `node` is the major it runs on (20: this machine's, 22: NODE22_BIN).
 * `pending` names why a consumer cannot run yet; it is reported as skipped, never as passed.
 */
const MSW2 = { label: 'msw 2', spec: 'msw@^2' }
const MSW3 = { label: 'msw 3', spec: 'msw@^3' }
const CONSUMERS = [
  ...[
    { msw: MSW2, node: 20, types: '@types/node@20' },
    { msw: MSW3, node: 22, types: '@types/node@22' },
  ].flatMap(({ msw, node, types }) =>
    // TypeScript 5.9 is the lowest msw 3 accepts (its peer range); 7 is the native compiler.
    ['5.9', '^7'].flatMap((typescript) =>
      ['bundler', 'node16'].map((resolution) => ({
        name: `esm typescript ${typescript.replace('^', '')} (tsc --strict, moduleResolution ${resolution}), ${msw.label}, node ${node}`,
        fixture: 'esm-tsc',
        type: 'module',
        node,
        install: [msw.spec, `typescript@${typescript}`, types],
        steps: [
          ['node', 'node_modules/typescript/bin/tsc', '-p', `tsconfig.${resolution}.json`],
          ['node', `out-${resolution}/main.js`],
        ],
      })),
    ),
  ),
  ...[
    { msw: MSW2, node: 20 },
    { msw: MSW3, node: 22 },
  ].map(({ msw, node }) => ({
    name: `commonjs require('voiceable-mock'), ${msw.label}, node ${node}`,
    fixture: 'cjs-require',
    type: 'commonjs',
    node,
    install: [msw.spec],
    steps: [['node', 'main.cjs']],
  })),
  ...[
    // vitest 5 needs Node >= 22.12, so the Node 20 consumer uses vitest 4.
    { msw: MSW2, node: 20, vitest: 'vitest@^4' },
    { msw: MSW3, node: 22, vitest: 'vitest@^5' },
  ].map(({ msw, node, vitest }) => ({
    name: `${vitest.replace('@^', ' ')} test, ${msw.label}, node ${node}`,
    fixture: 'vitest',
    type: 'module',
    node,
    install: [msw.spec, vitest],
    steps: [['node', 'node_modules/vitest/vitest.mjs', 'run']],
  })),
  ...[
    { msw: MSW2, node: 20 },
    { msw: MSW3, node: 22 },
  ].map(({ msw, node }) => ({
    name: `jest 30 test (ESM mode), ${msw.label}, node ${node}`,
    fixture: 'jest',
    type: 'module',
    node,
    install: [msw.spec, 'jest@^30'],
    steps: [['node', '--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--ci']],
  })),
  {
    // The lowest msw the peer range admits: proves the floor of `^2.7.0`.
    name: 'esm script, msw 2.7.0 (lowest in the peer range), node 20',
    fixture: 'esm-node',
    type: 'module',
    node: 20,
    install: ['msw@2.7.0'],
    steps: [['node', 'main.mjs']],
  },
  {
    // The README's two commands, then its client: openapi-typescript on the installed document.
    name: 'typed client from voiceable-mock/openapi.json (openapi-typescript, openapi-fetch), msw 2, node 20',
    fixture: 'openapi-client',
    type: 'module',
    node: 20,
    install: [
      MSW2.spec,
      'openapi-typescript@^7',
      'openapi-fetch',
      'typescript@5.9',
      '@types/node@20',
    ],
    steps: [
      [
        'node',
        'node_modules/openapi-typescript/bin/cli.js',
        'node_modules/voiceable-mock/dist/openapi.json',
        '-o',
        'voiceable-api.d.ts',
      ],
      ['node', 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'],
      ['node', 'out/client.js'],
    ],
  },
  ...[
    { msw: MSW2, node: 20 },
    { msw: MSW3, node: 22 },
  ].map(({ msw, node }) => ({
    name: `voiceable-mock/node entry, ${msw.label}, node ${node}`,
    fixture: 'node-entry',
    type: 'module',
    node,
    install: [msw.spec],
    steps: [['node', 'main.mjs']],
    pending: hasNodeEntry ? undefined : 'package.json exports no "./node" entry yet',
  })),
  ...[
    { msw: MSW2, node: 20 },
    { msw: MSW3, node: 22 },
  ].map(({ msw, node }) => ({
    // No project install: npx fetches the tarball and msw into its own cache, as for a user.
    name: `npx voiceable-mock from the tarball, ${msw.label}, node ${node}`,
    fixture: 'npx-bin',
    type: 'module',
    node,
    install: null,
    env: (tarball) => ({ VOICEABLE_MOCK_TARBALL: tarball, MSW_SPEC: msw.spec }),
    steps: [['node', 'main.mjs']],
    pending: hasBin ? undefined : 'package.json has no "bin" yet',
  })),
].filter((consumer) => args.only === undefined || consumer.name.includes(args.only))

/** Prints the Node version a consumer runs on, and its msw version when the project has one. */
const VERSIONS_SCRIPT =
  "let msw = ''; try { msw = ' msw ' + require('msw/package.json').version } catch {} console.log(process.version + msw)"

function nodeBinDir(major) {
  if (major === 20) return undefined
  const dir = process.env.NODE22_BIN
  if (dir === undefined || !existsSync(join(dir, 'node'))) {
    throw new Error(
      'Failed to find Node 22: set NODE22_BIN to a folder holding its `node` binary (see .ci/run)',
    )
  }
  return dir
}

/** Runs one command with a time limit; resolves with its exit code and combined output. */
function run(command, commandArgs, { cwd, env }) {
  return new Promise((done) => {
    // Each step leads its own process group, so a timeout stops everything the step started.
    const child = spawn(command, commandArgs, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => {
      output += `\n[consumer-matrix] timed out after ${STEP_TIMEOUT_MS / 1000}s`
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, STEP_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      done({ code: 1, output: `${output}\n${error.message}` })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code: code ?? 1, output })
    })
  })
}

function pack(destination) {
  const result = spawnSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`Failed to pack: ${result.stderr}`)
  const [info] = JSON.parse(result.stdout)
  const files = info.files.map((file) => file.path)
  for (const required of ['dist/index.js', 'dist/index.d.ts']) {
    if (!files.includes(required))
      throw new Error(`Failed to pack: ${required} is missing; run \`npm run build\` first`)
  }
  return { tarball: join(destination, info.filename), files, size: info.size }
}

async function runConsumer(consumer, tarball, workRoot) {
  if (consumer.pending !== undefined)
    return { status: 'pending', message: consumer.pending, duration: 0, log: '' }
  const project = mkdtempSync(join(workRoot, `${consumer.fixture}-`))
  try {
    return await runInProject(consumer, tarball, project)
  } finally {
    // Removed as soon as it is done (tens of thousands of files each), while the other worker runs.
    if (!args.keep) await rm(project, { recursive: true, force: true })
  }
}

async function runInProject(consumer, tarball, project) {
  const startedAt = Date.now()
  let log = ''
  try {
    cpSync(join(FIXTURES, consumer.fixture), project, { recursive: true })
    cpSync(join(FIXTURES, 'checks.mjs'), join(project, 'checks.mjs'))
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: `consumer-${consumer.fixture}`, private: true, type: consumer.type }, null, 2)}\n`,
    )
    const binDir = nodeBinDir(consumer.node)
    const baseEnv = {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      npm_config_update_notifier: 'false',
    }
    const env = {
      ...baseEnv,
      ...consumer.env?.(tarball),
      ...(binDir === undefined ? {} : { PATH: `${binDir}${delimiter}${process.env.PATH}` }),
    }
    if (consumer.install !== null) {
      const installed = await run(
        'npm',
        ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...consumer.install],
        {
          cwd: project,
          env: baseEnv,
        },
      )
      log += `$ npm install ${consumer.install.join(' ')}\n${installed.output}`
      if (installed.code !== 0)
        return {
          status: 'failed',
          message: 'npm install failed',
          duration: Date.now() - startedAt,
          log,
        }
    }
    const versions = await run('node', ['-e', VERSIONS_SCRIPT], { cwd: project, env })
    log += `$ node -e versions\n${versions.output}`
    for (const [command, ...commandArgs] of consumer.steps) {
      const step = await run(command, commandArgs, { cwd: project, env })
      log += `$ ${command} ${commandArgs.join(' ')}\n${step.output}`
      if (step.code !== 0) {
        return {
          status: 'failed',
          message: `\`${command} ${commandArgs.join(' ')}\` exited ${step.code}`,
          duration: Date.now() - startedAt,
          log,
        }
      }
    }
    return {
      status: 'passed',
      message: versions.output.trim(),
      duration: Date.now() - startedAt,
      log,
    }
  } catch (error) {
    return {
      status: 'failed',
      message: error instanceof Error ? error.message : String(error),
      duration: Date.now() - startedAt,
      log,
    }
  }
}

const startedAt = Date.now()
const workRoot = mkdtempSync(join(tmpdir(), 'voiceable-mock-consumers-'))
const { tarball, files, size } = pack(workRoot)
console.log(
  `packed ${tarball.split('/').pop()}: ${files.length} files, ${size} bytes (${files.join(', ')})`,
)

const results = new Array(CONSUMERS.length)
let next = 0
async function worker() {
  while (next < CONSUMERS.length) {
    const index = next++
    const consumer = CONSUMERS[index]
    const result = await runConsumer(consumer, tarball, workRoot)
    results[index] = result
    const seconds = (result.duration / 1000).toFixed(1)
    console.log(
      `::: consumer: ${consumer.name}: ${result.status} in ${seconds}s (${result.message})`,
    )
    if (result.status === 'failed') console.log(result.log.split('\n').slice(-60).join('\n'))
  }
}
const jobs = Math.max(1, Math.min(Number(args.jobs) || 1, 4))
await Promise.all(Array.from({ length: jobs }, worker))

const count = (status) => results.filter((result) => result.status === status).length
const totalSeconds = ((Date.now() - startedAt) / 1000).toFixed(1)
const report = {
  numTotalTests: results.length,
  numPassedTests: count('passed'),
  numFailedTests: count('failed'),
  numPendingTests: count('pending'),
  numTodoTests: 0,
  success: count('failed') === 0,
  durationSeconds: Number(totalSeconds),
  testResults: CONSUMERS.map((consumer, index) => ({
    name: consumer.name,
    status: results[index].status,
    durationMs: results[index].duration,
    message: results[index].message,
  })),
}
if (args.report !== undefined) writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`)
console.log(
  `consumer matrix: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} pending in ${totalSeconds}s`,
)
if (args.keep) console.log(`kept the projects in ${workRoot}`)
else {
  const cleanupStartedAt = Date.now()
  rmSync(workRoot, { recursive: true, force: true })
  console.log(
    `removed the temporary projects in ${((Date.now() - cleanupStartedAt) / 1000).toFixed(1)}s`,
  )
}
process.exitCode = report.success ? 0 : 1
