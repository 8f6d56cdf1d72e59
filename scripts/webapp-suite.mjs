// npm run test:webapp: the web-app suite (npm run test:webapp:run, vitest.webapp.config.ts) when
// VOICEABLE_CLIENT_DIR names a built clone of the Voiceable web app; one line and exit 0 when it
// is unset (CI has no copy of the app, which this repository never builds: it is unlicensed).
// Arguments go to vitest.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

if (!process.env.VOICEABLE_CLIENT_DIR) {
  console.log(
    'webapp suite skipped: VOICEABLE_CLIENT_DIR is not set (it names a built clone of voiceabledev/voiceable-client at 452210d)',
  )
  process.exit(0)
}
const result = spawnSync(
  'npm',
  ['run', '--silent', 'test:webapp:run', '--', ...process.argv.slice(2)],
  {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: 'inherit',
  },
)
process.exit(result.status ?? 1)
