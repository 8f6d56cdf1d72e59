/**
 * vitest globalSetup: integration tests import the BUILT package (vitest.config.ts aliases
 * `voiceable-mock` to dist/), a few spawn the built CLI and test/openapi.test.ts reads the built
 * OpenAPI document, so build dist/ once before them when it is missing or older than any source
 * file. `npm run build` beforehand (as .ci/run does) makes this a no-op; `VOICEABLE_MOCK_CLI`
 * (another build under test) skips it.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

export default function setup(): void {
  if (process.env['VOICEABLE_MOCK_CLI'] !== undefined) return
  const outputs = [
    'dist/cli.js',
    'dist/node.js',
    'dist/index.js',
    'dist/openapi.json',
    'dist/inspector/inspector.js',
  ].map((file) => join(root, file))
  const inputs = [
    'src',
    'fixtures',
    'scripts/openapi.mjs',
    'scripts/build-inspector.mjs',
    'tsup.config.ts',
    'package.json',
  ].map((file) => join(root, file))
  const built = outputs.every((file) => existsSync(file))
    ? Math.min(...outputs.map(newestMtime))
    : -Infinity
  if (built >= Math.max(...inputs.map(newestMtime))) return
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/tsup/dist/cli-default.js')], {
      cwd: root,
      stdio: 'pipe',
      timeout: 300_000,
    })
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer }
    throw new Error(
      `Failed to build dist/ for the server tests:\n${String(output.stdout ?? '')}${String(output.stderr ?? '')}`,
      { cause: error },
    )
  }
}
