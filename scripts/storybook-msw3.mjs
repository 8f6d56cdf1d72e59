// The Storybook check on msw 3: examples/storybook, built and checked in Chromium with msw 3 in
// place of the msw 2 its lockfile holds, on Node 22 (msw 3 needs Node >= 22.12).
//
//   NODE22_BIN=<folder holding node 22> node scripts/storybook-msw3.mjs [vitest options…]
//
// Run `npm run build` first: the example installs the library's dist/ as a packed copy. msw 3
// goes into the example's node_modules only (`--no-save`: package.json and the lockfile keep msw
// 2), so the library's copy and the addon still share the example's one msw. The lockfile's
// install comes back afterwards, whether the check passed or not. Options after the script name
// go to vitest (`--reporter=json …`).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const EXAMPLE = join(ROOT, 'examples/storybook')
const MSW_SPEC = 'msw@3'
const NPM_QUIET = ['--no-audit', '--no-fund', '--loglevel=error']

const node22 = process.env.NODE22_BIN
if (node22 === undefined || !existsSync(join(node22, 'node'))) {
  console.error(
    'Failed to find Node 22: set NODE22_BIN to a folder holding its `node` binary (see .ci/run)',
  )
  process.exit(1)
}
if (!existsSync(join(ROOT, 'dist/index.js'))) {
  console.error(
    'Failed to find dist/: run `npm run build` first, the example installs the built library',
  )
  process.exit(1)
}
// STORYBOOK_MSW_MAJOR makes test/browser/storybook.test.ts check that msw 3 is what it tests.
const env = {
  ...process.env,
  PATH: `${node22}${delimiter}${process.env.PATH ?? ''}`,
  STORYBOOK_MSW_MAJOR: '3',
}

/** Runs one step on Node 22 with its output shown; throws when it fails. */
function step(title, command, args, cwd) {
  console.log(`::: ${title}`)
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' })
  if (result.status !== 0)
    throw new Error(
      `Failed to ${title}: \`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal}`,
    )
}

const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version

let failed = false
try {
  step('install the example from its lockfile', 'npm', ['ci', ...NPM_QUIET], EXAMPLE)
  step(
    `install ${MSW_SPEC} into the example without saving`,
    'npm',
    ['install', '--no-save', ...NPM_QUIET, MSW_SPEC],
    EXAMPLE,
  )
  console.log(
    `::: msw ${version(join(EXAMPLE, 'node_modules/msw'))}, node ${spawnSync('node', ['--version'], { env, encoding: 'utf8' }).stdout.trim()}`,
  )
  step('build the Storybook', 'npm', ['run', 'build-storybook'], EXAMPLE)
  step(
    'type-check the example against msw 3',
    'node',
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'examples/storybook'],
    ROOT,
  )
  step(
    'check every story in Chromium',
    'node',
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'vitest.browser.config.ts',
      '--project',
      'storybook',
      ...process.argv.slice(2),
    ],
    ROOT,
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  failed = true
} finally {
  try {
    step('restore the example’s lockfile install (msw 2)', 'npm', ['ci', ...NPM_QUIET], EXAMPLE)
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    failed = true
  }
}
process.exitCode = failed ? 1 : 0
