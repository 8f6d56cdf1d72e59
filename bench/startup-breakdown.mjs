// Where the library's start-up goes: processes importing msw plus zod, plus faker (its English
// locale, and the base locale the library builds on), plus jose, against msw alone and the
// library; then the start-up goal's pair, msw's setupServer alone against the library +
// createVoiceableMock() + setupServer (CPU time each process reports itself).
// Not part of run.mjs; run it from the folder whose node_modules should answer:
//   node bench/startup-breakdown.mjs            (this repo: msw 2, this Node)
//   cd /tmp/voiceable-mock-bench-msw3 && /path/to/node22 bench/startup-breakdown.mjs
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT, interleave, stats } from './lib/harness.mjs'

const IMPORTS = {
  node: [],
  msw: ['msw'],
  'msw+zod': ['msw', 'zod'],
  'msw+faker(en)': ['msw', '@faker-js/faker/locale/en'],
  'msw+zod+faker(en)': ['msw', 'zod', '@faker-js/faker/locale/en'],
  'msw+faker(base)': ['msw', '@faker-js/faker/locale/base'],
  'msw+zod+faker(base)': ['msw', 'zod', '@faker-js/faker/locale/base'],
  'msw+jose': ['msw', 'jose'],
  library: [join(ROOT, 'dist', 'index.js')],
}
/** Whole scripts (bench/startup/), the pair the `startup-library-vs-msw` goal compares. */
const SCRIPTS = {
  'msw setupServer': 'msw-setup-server.mjs',
  'library+create+setupServer': 'library-setup-server.mjs',
}
const run = (variant) => {
  const args =
    variant in SCRIPTS
      ? [join(ROOT, 'bench', 'startup', SCRIPTS[variant])]
      : [
          '--input-type=module',
          '-e',
          `${IMPORTS[variant].map((m) => `await import(${JSON.stringify(m)});`).join('')}const c = process.cpuUsage(); process.stdout.write(String(c.user + c.system))`,
        ]
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  })
  if (child.status !== 0) throw new Error(child.stderr)
  return Number(child.stdout) / 1000
}
const values = await interleave(
  Number(process.argv[2] ?? 15),
  [...Object.keys(IMPORTS), ...Object.keys(SCRIPTS)],
  async (variant) => run(variant),
)
const msw = stats(values.msw).median
const setupServer = stats(values['msw setupServer']).median
for (const [variant, ms] of Object.entries(values)) {
  const s = stats(ms)
  const base = variant in SCRIPTS ? setupServer : msw
  console.log(
    `${variant.padEnd(26)} ${s.median.toFixed(1).padStart(6)} ms CPU (${s.min.toFixed(1)}–${s.max.toFixed(1)})  ${(s.median / base).toFixed(3)}× ${variant in SCRIPTS ? 'msw setupServer' : 'msw'}  +${(s.median - base).toFixed(1)} ms`,
  )
}
