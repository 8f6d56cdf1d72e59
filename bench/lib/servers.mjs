// Server child processes that speak bench/servers/control.mjs's protocol (one JSON line with the
// base URL, then one CPU reading per line asked on stdin), and the load generator
// bench/servers/load.mjs. Used by bench/demo-server.mjs and bench/compare-builds.mjs.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './harness.mjs'

const children = new Set()

/** Stops every server started here; also done when this process exits. */
export function stopServers() {
  for (const child of children) child.kill()
  children.clear()
}
process.on('exit', stopServers)

/** Spawns a server script; resolves to its base URL and a way to read its CPU time (µs). */
export function startServer(script, args = []) {
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  children.add(child)
  const waiting = []
  let text = ''
  child.stdout.on('data', (chunk) => {
    text += chunk
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n')) {
      const line = text.slice(0, at)
      text = text.slice(at + 1)
      waiting.shift()?.(JSON.parse(line))
    }
  })
  const next = () => new Promise((resolve) => waiting.push(resolve))
  const cpu = async () => {
    const reply = next()
    child.stdin.write('cpu\n')
    return (await reply).cpu
  }
  const started = Promise.race([
    next(),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`Failed to start ${script}: no URL within 30 s`)), 30_000),
    ),
    new Promise((_, reject) =>
      child.on('exit', (code) =>
        reject(new Error(`Failed to start ${script}: exited with ${code}`)),
      ),
    ),
  ])
  return started.then(({ base }) => ({ base, cpu }))
}

/**
 * `count` requests to `url` over `concurrency` keep-alive connections, from a load-generator
 * child process; resolves to its report (requests, ms, rps, statuses, complete).
 */
export function load(url, { count, concurrency, headers }) {
  const args = [
    join(ROOT, 'bench', 'servers', 'load.mjs'),
    `--url=${url}`,
    `--count=${count}`,
    `--concurrency=${concurrency}`,
    '--seconds=60',
    `--headers=${JSON.stringify(headers)}`,
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 90_000,
    })
    let text = ''
    child.stdout.on('data', (chunk) => (text += chunk))
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(text))
        : reject(new Error(`Failed to load ${url}: exit ${code}`)),
    )
  })
}
