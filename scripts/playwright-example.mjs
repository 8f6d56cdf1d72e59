// Runs one Playwright example (examples/playwright-msw or examples/playwright-server), as the
// shell block of docs/playwright.md says, in
// Debian's Chromium: installs it from its lockfile (the library's dist/ as a packed copy, no
// browser download), type-checks it with the repository's TypeScript, then runs its tests.
//
//   node scripts/playwright-example.mjs <folder under examples/> [--report FILE]
//
// Run `npm run build` first. --report writes the counts shaped like vitest's JSON report, so
// .ci/summary.mjs adds them up. CHROMIUM_PATH overrides /usr/bin/chromium.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = resolve(import.meta.dirname, '..')
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { report: { type: 'string' } },
})
const name = positionals[0]
const EXAMPLE = join(ROOT, 'examples', name ?? '')
if (name === undefined || !existsSync(join(EXAMPLE, 'playwright.config.ts'))) {
  console.error(
    'Failed to find the example: name a folder of examples/ holding playwright.config.ts',
  )
  process.exit(1)
}
if (!existsSync(join(ROOT, 'dist/index.js'))) {
  console.error(
    'Failed to find dist/: run `npm run build` first, the example installs the built library',
  )
  process.exit(1)
}
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }

/** Runs one step with its output shown; throws when it fails. */
function step(title, command, commandArgs, extraEnv = {}) {
  console.log(`::: ${title}`)
  const result = spawnSync(command, commandArgs, {
    cwd: EXAMPLE,
    env: { ...env, ...extraEnv },
    stdio: 'inherit',
  })
  if (result.status !== 0)
    throw new Error(
      `Failed to ${title}: \`${command} ${commandArgs.join(' ')}\` exited with ${result.status ?? result.signal}`,
    )
}

const scratch = mkdtempSync(join(tmpdir(), 'voiceable-mock-playwright-'))
const jsonReport = join(scratch, 'report.json')
let failure
try {
  step('install the example from its lockfile', 'npm', [
    'ci',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ])
  step('type-check the example', process.execPath, [
    join(ROOT, 'node_modules/typescript/bin/tsc'),
    '-p',
    '.',
  ])
  const msw = JSON.parse(
    readFileSync(join(EXAMPLE, 'node_modules/msw/package.json'), 'utf8'),
  ).version
  step(`run its tests (msw ${msw})`, 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: jsonReport,
  })
} catch (error) {
  failure = error
}
if (args.report !== undefined) {
  const stats = existsSync(jsonReport)
    ? JSON.parse(readFileSync(jsonReport, 'utf8')).stats
    : { expected: 0, unexpected: 1, flaky: 0, skipped: 0 }
  const report = {
    numPassedTests: stats.expected + stats.flaky,
    numFailedTests: stats.unexpected + (failure !== undefined && stats.unexpected === 0 ? 1 : 0),
    numPendingTests: stats.skipped,
  }
  writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`)
}
rmSync(scratch, { recursive: true, force: true })
if (failure !== undefined) {
  console.error(failure instanceof Error ? failure.message : failure)
  process.exitCode = 1
}
