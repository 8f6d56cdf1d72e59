#!/usr/bin/env node
// Judges the package as people judge packages: publint (strict) and arethetypeswrong on the
// packed tarball, plus the package.json fields the issue requires. Each check is one test in a
// JSON report shaped like vitest's, so .ci/summary.mjs counts it.
//
//   node scripts/package-lint.mjs [--report FILE]
//
// attw runs with `--profile esm-only`: the package ships ESM only on purpose (decisions/esm-only.md),
// so the profile skips the `node10` and `node16 (from CJS)` resolutions. CommonJS consumers are
// covered for real by the consumer matrix (Node's require(esm)).
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const ROOT = resolve(import.meta.dirname, '..')
const { values: args } = parseArgs({ options: { report: { type: 'string' } } })

function tool(name, toolArgs) {
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', name), toolArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
  return { ok: result.status === 0, message: output }
}

/** The package.json promises of the issue: every JS entry typed, no side effects, files, engines, peer msw. */
function manifest() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const problems = []
  for (const [entry, target] of Object.entries(pkg.exports ?? {})) {
    // JSON entries (package.json, the OpenAPI document) need no types: TypeScript types JSON itself.
    if (entry.endsWith('.json')) {
      if (target !== `./${entry.slice(2)}` && target !== `./dist/${entry.slice(2)}`)
        problems.push(
          `exports["${entry}"] must point at ./${entry.slice(2)} or ./dist/${entry.slice(2)}`,
        )
      continue
    }
    if (typeof target !== 'object' || target === null || Object.keys(target)[0] !== 'types') {
      problems.push(`exports["${entry}"] must list "types" first`)
    }
  }
  if (pkg.exports?.['.'] === undefined) problems.push('exports has no "." entry')
  if (pkg.exports?.['./package.json'] !== './package.json')
    problems.push('exports must expose "./package.json"')
  if (pkg.sideEffects !== false) problems.push('sideEffects must be false')
  if (
    !Array.isArray(pkg.files) ||
    pkg.files.some((file) => !['dist', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(file))
  ) {
    problems.push(`files ships more than dist and docs: ${JSON.stringify(pkg.files)}`)
  }
  if (typeof pkg.engines?.node !== 'string') problems.push('engines.node is missing')
  if (pkg.peerDependencies?.msw === undefined) problems.push('msw must be a peer dependency')
  if (pkg.dependencies?.msw !== undefined)
    problems.push("msw must not be a dependency (one copy, the user's)")
  if (pkg.bin !== undefined) {
    for (const [name, path] of Object.entries(
      typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : pkg.bin,
    )) {
      if (!path.startsWith('./dist/') && !path.startsWith('dist/'))
        problems.push(`bin "${name}" must point into dist/`)
    }
  }
  return {
    ok: problems.length === 0,
    message: problems.join('; ') || 'JS exports typed, sideEffects false, files, engines, peer msw',
  }
}

const checks = [
  ['publint --strict', () => tool('publint', ['--strict'])],
  [
    'attw --pack . --profile esm-only',
    () => tool('attw', ['--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped']),
  ],
  ['package.json fields', manifest],
]

const results = checks.map(([name, check]) => {
  const startedAt = Date.now()
  const { ok, message } = check()
  const duration = Date.now() - startedAt
  console.log(
    `::: package: ${name}: ${ok ? 'passed' : 'failed'} in ${(duration / 1000).toFixed(1)}s`,
  )
  if (!ok || name.startsWith('attw')) console.log(message)
  return { name, status: ok ? 'passed' : 'failed', durationMs: duration, message }
})

const failed = results.filter((result) => result.status === 'failed').length
const report = {
  numTotalTests: results.length,
  numPassedTests: results.length - failed,
  numFailedTests: failed,
  numPendingTests: 0,
  numTodoTests: 0,
  success: failed === 0,
  testResults: results,
}
if (args.report !== undefined) writeFileSync(args.report, `${JSON.stringify(report, null, 2)}\n`)
process.exitCode = failed === 0 ? 0 : 1
