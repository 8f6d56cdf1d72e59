// Load generator: --count requests to --url over --concurrency keep-alive connections, stopping
// at --seconds at the latest. Loopback only. Prints one JSON line: requests, ms, rps, statuses.
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'

const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback
const url = new URL(arg('url'))
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))
  throw new Error(`Failed to load ${url}: loopback only`)
const count = Number(arg('count', '1000'))
const concurrency = Number(arg('concurrency', '32'))
const deadline = performance.now() + Number(arg('seconds', '30')) * 1000
const headers = JSON.parse(arg('headers', '{}'))
const agent = new Agent({ keepAlive: true, maxSockets: concurrency })

const statuses = {}
let started = 0
let done = 0
const once = () =>
  new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.on('data', () => {})
      res.on('end', () => {
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1
        resolve()
      })
    })
    req.on('error', reject)
    req.end()
  })

async function worker() {
  while (started < count && performance.now() < deadline) {
    started++
    await once()
    done++
  }
}

const start = performance.now()
await Promise.all(Array.from({ length: concurrency }, worker))
const ms = performance.now() - start
agent.destroy()
process.stdout.write(
  `${JSON.stringify({ requests: done, ms, rps: (done / ms) * 1000, statuses, complete: done === count })}\n`,
)
