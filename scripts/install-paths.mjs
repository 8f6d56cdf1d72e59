#!/usr/bin/env node
// The README's Install section, run as written: each way to install voiceable-mock (from a git
// URL, from a clone, from a tarball) into an empty project, then the README's vitest quick start
// in that project. The commands are the README's own blocks (`<!-- run-by: scripts/install-paths.mjs -->`,
// read with scripts/lib/doc-blocks.mjs); the git URL is replaced by a git+file:// URL of a
// clone (the same `prepare` path as https://), since CI reaches no git host. npm keys the
// approval of a GitHub dependency's scripts on `github:owner/name`, which the README's
// `npm install-scripts approve voiceable-mock` writes; a git+file:// dependency has no such name,
// so here the approval is keyed on its URL, and the check is that npm then stops warning.
//
//   node scripts/install-paths.mjs [--report FILE] [--source DIR] [--only git|clone|tarball]
//                                  [--cold-cache] [--keep]
//
// --source: the repository to clone (default: this one; its last commit, not uncommitted work).
// --cold-cache: an empty npm cache, as on a fresh machine (every package from the registry).
// Prints each step's wall time; --report writes them with counts shaped like vitest's JSON report.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { blocksOf } from './lib/doc-blocks.mjs'

const ROOT = resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({
  options: {
    report: { type: 'string' },
    source: { type: 'string', default: ROOT },
    only: { type: 'string' },
    'cold-cache': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
})

const README = readFileSync(join(ROOT, 'README.md'), 'utf8')
const blocks = blocksOf('README.md', README)
const installBlocks = blocks.filter(
  (block) => block.check === 'run-by' && block.reason === 'scripts/install-paths.mjs',
)
const quickStart = blocks.find(
  (block) => block.section === 'Quick start (vitest)' && block.lang === 'ts',
)
/** The README's placeholder for the repository's URL, replaced by a git+file:// URL here. */
const GIT_URL = /git\+https:\/\/\S+\/voiceable-mock\.git/

/** Each way: the README's block whose command names it, picked by what it installs. */
const WAYS = {
  git: installBlocks.find((block) => GIT_URL.test(block.code)),
  clone: installBlocks.find((block) => /install-links/.test(block.code)),
  tarball: installBlocks.find((block) => /npm pack/.test(block.code)),
}
for (const [way, block] of Object.entries({ ...WAYS, quickStart })) {
  if (block === undefined) {
    console.error(`Failed to find the README's block for "${way}" (README.md, ## Install)`)
    process.exit(1)
  }
}

/** The block's commands: comments and blank lines dropped. */
function commandsOf(block) {
  return block.code
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

const work = mkdtempSync(join(tmpdir(), 'voiceable-mock-install-'))
const cache = args['cold-cache'] ? join(work, 'npm-cache') : undefined
const env = {
  ...process.env,
  CI: 'true',
  NO_COLOR: '1',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  ...(cache === undefined ? {} : { npm_config_cache: cache }),
}
for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name]

const steps = []
/** Runs one shell command as written, timed; throws with its output when it fails. */
function step(way, command, cwd) {
  const startedAt = Date.now()
  const result = spawnSync('bash', ['-c', command], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 900_000,
  })
  const seconds = (Date.now() - startedAt) / 1000
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  steps.push({ way, command, seconds, code: result.status })
  console.log(`::: ${way}: ${command}  (${seconds.toFixed(1)}s, exit ${result.status})`)
  if (result.status !== 0) throw new Error(`\`${command}\` exited ${result.status}:\n${output}`)
  return output
}

function emptyProject(name) {
  const project = join(work, name)
  mkdirSync(project)
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  )
  return project
}

/** The quick start in the project: vitest installed, the README's test file, `npx vitest run`. */
function runQuickStart(way, project) {
  const installed = join(project, 'node_modules', 'voiceable-mock')
  if (lstatSync(installed).isSymbolicLink())
    throw new Error(`${way}: node_modules/voiceable-mock is a link, not a copy`)
  if (existsSync(join(installed, 'node_modules', 'msw')))
    throw new Error(`${way}: voiceable-mock has an msw of its own: two copies`)
  if (!existsSync(join(installed, 'dist', 'index.d.ts')))
    throw new Error(`${way}: the installed package has no dist/index.d.ts (prepare did not build)`)
  step(way, 'npm install --save-dev vitest', project)
  writeFileSync(join(project, 'voiceable.test.ts'), quickStart.code)
  step(way, 'npx vitest run', project)
}

const results = []
function attempt(way, run) {
  if (args.only !== undefined && args.only !== way) return
  const startedAt = Date.now()
  try {
    run()
    results.push({ name: `install ${way}, then the quick start`, status: 'passed' })
  } catch (error) {
    console.log(error instanceof Error ? error.message : String(error))
    results.push({ name: `install ${way}, then the quick start`, status: 'failed' })
  }
  console.log(
    `::: ${way}: ${results.at(-1).status} in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`,
  )
}

const clone = join(work, 'voiceable-mock')
step('setup', `git clone --quiet ${JSON.stringify(args.source)} ${JSON.stringify(clone)}`, work)

attempt('git', () => {
  const project = emptyProject('project-git')
  const [command] = commandsOf(WAYS.git)
  const output = step('git', command.replace(GIT_URL, `git+file://${clone}`), project)
  // npm 11 ran prepare and names it among the scripts not yet covered by allowScripts.
  const warned = /voiceable-mock[^\n]*prepare/.test(output)
  console.log(
    `::: git: npm ${warned ? 'warned' : 'did not warn'} about voiceable-mock's prepare script`,
  )
  const pkgFile = join(project, 'package.json')
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'))
  writeFileSync(
    pkgFile,
    `${JSON.stringify({ ...pkg, allowScripts: { [`git+file://${clone}`]: true } }, null, 2)}\n`,
  )
  const again = step('git', 'npm install', project)
  if (/voiceable-mock[^\n]*prepare/.test(again))
    throw new Error(`git: npm still warns about voiceable-mock once approved:\n${again}`)
  runQuickStart('git', project)
})

attempt('clone', () => {
  const project = emptyProject('project-clone')
  // The README's commands run beside the clone: `../voiceable-mock` is it.
  for (const command of commandsOf(WAYS.clone)) step('clone', command, project)
  runQuickStart('clone', project)
  // A later install keeps the copy (install-links in the project's .npmrc).
  step('clone', 'npm install', project)
  if (lstatSync(join(project, 'node_modules', 'voiceable-mock')).isSymbolicLink())
    throw new Error('clone: a later npm install turned node_modules/voiceable-mock into a link')
})

attempt('tarball', () => {
  const project = emptyProject('project-tarball')
  for (const command of commandsOf(WAYS.tarball)) step('tarball', command, project)
  runQuickStart('tarball', project)
})

const passed = results.filter((result) => result.status === 'passed').length
const failed = results.length - passed
if (args.report !== undefined) {
  writeFileSync(
    args.report,
    `${JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: 0, testResults: results, steps }, null, 2)}\n`,
  )
}
console.log(`install paths: ${passed} passed, ${failed} failed`)
if (args.keep) console.log(`kept ${work}`)
else rmSync(work, { recursive: true, force: true })
process.exitCode = failed === 0 ? 0 : 1
