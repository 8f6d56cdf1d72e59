// Profiles the demo server under load: starts bench/servers/demo.mjs with --cpu-prof, sends
// --count requests (default 20000) from bench/servers/load.mjs, stops it, and prints the profile
// summary (self time by package and function). Loopback only.
// Usage: npm run build && node bench/profile-demo-server.mjs [--count=20000]
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const count = process.argv.find((a) => a.startsWith('--count='))?.slice(8) ?? '20000'
const dir = mkdtempSync(join(tmpdir(), 'voiceable-demo-profile-'))
const server = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(here, 'servers', 'demo.mjs')],
  { stdio: ['pipe', 'pipe', 'inherit'] },
)
const base = await new Promise((resolve) =>
  server.stdout.once('data', (chunk) => resolve(JSON.parse(String(chunk).split('\n')[0]).base)),
)
const load = spawnSync(
  process.execPath,
  [
    join(here, 'servers', 'load.mjs'),
    `--url=${base}/api_keys/1`,
    `--count=${count}`,
    '--concurrency=32',
    '--seconds=120',
    `--headers=${JSON.stringify({ 'X-API-Key': 'your-api-key-here' })}`,
  ],
  { encoding: 'utf8' },
)
process.stdout.write(load.stdout)
server.stdin.end()
await new Promise((resolve) => server.on('exit', resolve))
const profile = join(
  dir,
  readdirSync(dir).find((name) => name.endsWith('.cpuprofile')),
)
spawnSync(process.execPath, [join(here, 'lib', 'profile-summary.mjs'), profile, '--top=25'], {
  stdio: 'inherit',
})
