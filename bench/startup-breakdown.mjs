// Where the library's start-up goes: processes importing msw plus zod, plus faker's English
// locale, plus both, against msw alone and the library (CPU time each process reports itself).
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
  library: [join(ROOT, 'dist', 'index.js')],
}
const run = (variant) => {
  const code = `${IMPORTS[variant].map((m) => `await import(${JSON.stringify(m)});`).join('')}const c = process.cpuUsage(); process.stdout.write(String(c.user + c.system))`
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  })
  if (child.status !== 0) throw new Error(child.stderr)
  return Number(child.stdout) / 1000
}
const values = await interleave(
  Number(process.argv[2] ?? 15),
  Object.keys(IMPORTS),
  async (variant) => run(variant),
)
const msw = stats(values.msw).median
for (const [variant, ms] of Object.entries(values)) {
  const s = stats(ms)
  console.log(
    `${variant.padEnd(20)} ${s.median.toFixed(1).padStart(6)} ms CPU (${s.min.toFixed(1)}–${s.max.toFixed(1)})  ${(s.median / msw).toFixed(3)}× msw  +${(s.median - msw).toFixed(1)} ms`,
  )
}
