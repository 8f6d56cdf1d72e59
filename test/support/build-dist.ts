/**
 * vitest globalSetup: integration tests import the BUILT package (vitest.config.ts aliases
 * `voiceable-mock` to dist/), a few spawn the built CLI, compile against its declarations or read
 * the built OpenAPI document, so build dist/ once before them when any of it is missing or older
 * than a source file: `node scripts/prepare.mjs`, npm's `prepare`, which does nothing when dist/ is
 * current (after `npm ci`, which runs it). `VOICEABLE_MOCK_CLI` (another build under test) skips it.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default function setup(): void {
  if (process.env['VOICEABLE_MOCK_CLI'] !== undefined) return
  try {
    execFileSync(process.execPath, [join(root, 'scripts/prepare.mjs')], {
      cwd: root,
      stdio: 'pipe',
      timeout: 300_000,
    })
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer }
    throw new Error(
      `Failed to build dist/ for the integration tests:\n${String(output.stdout ?? '')}${String(output.stderr ?? '')}`,
      { cause: error },
    )
  }
}
