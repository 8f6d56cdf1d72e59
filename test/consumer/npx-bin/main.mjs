// `npx voiceable-mock` straight from the packed tarball, in a project where it is not installed,
// as a user would try it: npx installs the tarball and the msw major in MSW_SPEC into its own cache,
// starts the bin on a free loopback port, and this script checks the fake over real HTTP.
import { spawn } from 'node:child_process'
import { checkApiKeys, findBaseUrl } from './checks.mjs'

const tarball = process.env.VOICEABLE_MOCK_TARBALL
const msw = process.env.MSW_SPEC
if (tarball === undefined || msw === undefined)
  throw new Error('Failed to start: set VOICEABLE_MOCK_TARBALL and MSW_SPEC')

const child = spawn(
  'npx',
  [
    '--yes',
    `--package=${tarball}`,
    `--package=${msw}`,
    'voiceable-mock',
    '--port',
    '0',
    '--host',
    '127.0.0.1',
  ],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: npx does not pass a signal on to the bin it started, so the group
    // is what gets stopped.
    detached: true,
  },
)
function stop() {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // The group has already exited.
  }
  child.stdout.destroy()
  child.stderr.destroy()
}
let output = ''
const announced = new Promise((resolve, reject) => {
  child.on('error', reject)
  const timer = setTimeout(
    () => reject(new Error(`Failed to start within 120s; output:\n${output}`)),
    120_000,
  )
  const read = (chunk) => {
    output += chunk
    const found = findBaseUrl(output)
    if (found !== undefined) {
      clearTimeout(timer)
      resolve(found)
    }
  }
  child.stdout.on('data', read)
  child.stderr.on('data', read)
  child.on('exit', (code) => {
    clearTimeout(timer)
    reject(new Error(`voiceable-mock exited ${code} before announcing a URL; output:\n${output}`))
  })
})
try {
  const base = await announced
  await checkApiKeys(base)
  // The inspector's page ships in the tarball (dist/inspector/) and the bin serves it.
  for (const path of ['/__voiceable/', '/__voiceable/inspector.js', '/__voiceable/inspector.css']) {
    const res = await fetch(new URL(path, base))
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}, not 200`)
  }
  console.log(`npx-bin: 4 checks passed against ${base}`)
} finally {
  stop()
}
