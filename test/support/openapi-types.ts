/**
 * vitest globalSetup of the types project: generates the OpenAPI document and its
 * openapi-typescript types (test/generated/, git-ignored) that test/openapi.test-d.ts checks, as
 * `npm run pretypecheck` does, so that the type tests never read stale or missing ones.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default function setup(): void {
  execFileSync(
    process.execPath,
    [
      'scripts/openapi.mjs',
      '--out',
      'test/generated/openapi.json',
      '--types',
      'test/generated/openapi.ts',
    ],
    { cwd: root, stdio: 'pipe', timeout: 120_000 },
  )
}
