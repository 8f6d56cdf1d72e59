// Whether dist/ is current, and the two builds: everything (`prepare`, the tests) or JavaScript
// only (`npm start`). One answer for every caller, by modification time: an output is current when
// it is newer than every input.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..', '..')

/** What the build reads: a change to any of them makes dist/ stale. */
const INPUTS = ['src', 'fixtures', 'scripts/openapi.mjs', 'tsup.config.ts', 'package.json']
/** What `npm start` and the JavaScript consumers need: the entries, the bin and the document. */
const JS_OUTPUTS = [
  'dist/index.js',
  'dist/schemas.js',
  'dist/node.js',
  'dist/cli.js',
  'dist/openapi.json',
]
/** What TypeScript consumers need besides (tsup's declaration build, the slow part). */
const TYPE_OUTPUTS = ['dist/index.d.ts', 'dist/schemas.d.ts', 'dist/node.d.ts']

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function stateOf(outputs, inputsChangedAt, root) {
  const paths = outputs.map((file) => join(root, file))
  if (!paths.every((path) => existsSync(path))) return 'missing'
  return Math.min(...paths.map(newestMtime)) >= inputsChangedAt ? 'current' : 'stale'
}

/**
 * `{ js, types }`, each `'current'`, `'stale'` (older than a source) or `'missing'`.
 * @example distState().js === 'current' // npm start can run dist/cli.js as it is
 */
export function distState(root = ROOT) {
  const inputsChangedAt = Math.max(
    ...INPUTS.map((file) => join(root, file))
      .filter((path) => existsSync(path))
      .map(newestMtime),
  )
  return {
    js: stateOf(JS_OUTPUTS, inputsChangedAt, root),
    types: stateOf(TYPE_OUTPUTS, inputsChangedAt, root),
  }
}

/**
 * Runs tsup (tsup.config.ts: the entries, the declarations and the OpenAPI document). With
 * `{ types: false }` it leaves out the declarations: about 2 s instead of 20 to 40 (tsup cleans
 * dist/ first, so old declarations go too, and the next full check sees them missing).
 */
export function build({ types = true, root = ROOT } = {}) {
  const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js')
  if (!existsSync(tsup)) {
    throw new Error(
      `Failed to build dist/: tsup is not installed in ${root} (run \`npm ci\` there first)`,
    )
  }
  execFileSync(process.execPath, [tsup, '--silent', ...(types ? [] : ['--no-dts'])], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
