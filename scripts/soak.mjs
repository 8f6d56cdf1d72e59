#!/usr/bin/env node
// `npm run soak`: a million requests through the demo server on loopback, to find what grows.
// The mix: reads, writes (each create deleted again), sign-ins, multipart creates, injected
// faults and sessions. Heap (after GC) and RSS are sampled every 50,000 requests; it passes when
// the heap at the end is within 10% of the heap after the first 100,000 and no request got an
// answer it should not have. The server runs in a child process of its own (started with
// --expose-gc), so the load does not share its thread and the heap measured is the server's.
// Environment: SOAK_REQUESTS (default 1,000,000), SOAK_CONCURRENCY (default 32),
// SOAK_FIGURES=<file> writes the figures as JSON.
import { fork } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { fileURLToPath } from 'node:url'

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 1_000_000)
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 32)
const SAMPLE_EVERY = 50_000
const BASELINE_AT = 100_000
const TOLERANCE = 0.1
/** Sessions come and go: a test suite clears them between files. */
const CLEAR_SESSIONS_EVERY = 25_000
const SESSIONS = 16
const KEY = 'your-api-key-here'

if (process.argv[2] === '--server') {
  // The child: the demo server, answering `measure` with its heap after GC and its RSS.
  const { startMockServer } = await import('../dist/node.js')
  // A journal of 1,000 entries (the default keeps 10,000): the soak looks for leaks, and a long
  // journal's batched trimming would swing the heap by more than the tolerance between samples.
  // No rate limit: one caller makes most requests.
  const server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    log: false,
    rateLimit: false,
    journal: { maxEntries: 1000 },
  })
  const otherKey = server.mock.store.listUsers().find((user) => user.id === 2)?.apiKey
  process.on('message', (message) => {
    if (message === 'measure') {
      globalThis.gc()
      globalThis.gc()
      const { heapUsed, rss } = process.memoryUsage()
      process.send({ heapUsed, rss })
    } else if (message === 'close') void server.close().then(() => process.exit(0))
  })
  process.send({ url: server.url, otherKey })
} else {
  await soak()
}

async function soak() {
  const child = fork(fileURLToPath(import.meta.url), ['--server'], { execArgv: ['--expose-gc'] })
  const reply = () => new Promise((resolve) => child.once('message', resolve))
  const { url, otherKey } = await reply()
  if (otherKey == null)
    throw new Error('Failed to find user 2 and their key in the documented scenario')
  const origin = new URL(url)
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })

  function send(method, path, { headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: origin.hostname,
          port: origin.port,
          method,
          path,
          agent,
          headers: {
            ...headers,
            ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body) }),
          },
        },
        (response) => {
          const chunks = []
          response.on('data', (chunk) => chunks.push(chunk))
          response.on('end', () =>
            resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
          )
          response.on('error', reject)
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
  }

  const api = (path) => `/api/v1${path}`
  const json = (value) => JSON.stringify(value)
  const auth = { 'X-API-Key': KEY }
  const jsonAuth = { ...auth, 'Content-Type': 'application/json' }

  let sent = 0
  let unexpected = 0
  const firstProblems = []
  const counts = {}

  function expectStatus(kind, answer, ...statuses) {
    counts[kind] = (counts[kind] ?? 0) + 1
    if (statuses.includes(answer.status)) return
    unexpected++
    if (firstProblems.length < 10)
      firstProblems.push(`${kind}: ${answer.status} ${answer.text.slice(0, 200)}`)
  }

  const READS = [
    '/api_keys',
    '/agents',
    '/agents/123',
    '/conversations?page_size=5',
    '/phone_numbers',
    '/integrations',
    '/user/current',
  ]

  /** One unit of the mix (1 to 2 requests); `n` picks which, so the mix is the same every run. */
  async function unit(n) {
    const slot = n % 20
    if (slot < 8) {
      sent++
      expectStatus('read', await send('GET', api(READS[n % READS.length]), { headers: auth }), 200)
    } else if (slot < 11) {
      sent += 2
      const created = await send('POST', api('/agents'), {
        headers: jsonAuth,
        body: json({ agent: { name: `Soak ${n}` } }),
      })
      expectStatus('write', created, 201)
      const id = created.status === 201 ? JSON.parse(created.text).data.id : 'none'
      expectStatus('write', await send('DELETE', api(`/agents/${id}`), { headers: auth }), 200, 204)
    } else if (slot < 13) {
      sent++
      const body = json({ user: { email: 'user@example.com', password: 'password' } })
      expectStatus(
        'sign-in',
        await send('POST', api('/auth/sign_in'), {
          headers: { 'Content-Type': 'application/json' },
          body,
        }),
        200,
      )
    } else if (slot < 15) {
      sent += 2
      const boundary = `soak${n}`
      const field = (name, value) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
      const body = `${field('phone_number', `+1555${String(n).padStart(7, '0')}`)}${field('label', 'Soak')}${field('provider', 'manual')}--${boundary}--\r\n`
      const created = await send('POST', api('/phone_numbers'), {
        headers: { ...auth, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        body,
      })
      expectStatus('multipart create', created, 201)
      const id = created.status === 201 ? JSON.parse(created.text).data.id : 'none'
      expectStatus(
        'multipart create',
        await send('DELETE', api(`/phone_numbers/${id}`), { headers: auth }),
        200,
        204,
      )
    } else if (slot < 16) {
      // A fault for user 2's next list, then that list: an injected 503 is the expected answer.
      sent += 2
      const spec = json({
        kind: 'error',
        status: 503,
        userId: 2,
        endpoint: 'listApiKeys',
        times: 1,
      })
      expectStatus(
        'fault',
        await send('POST', '/__voiceable/faults', {
          headers: { 'Content-Type': 'application/json' },
          body: spec,
        }),
        201,
      )
      expectStatus(
        'fault',
        await send('GET', api('/api_keys'), { headers: { 'X-API-Key': otherKey } }),
        503,
      )
    } else {
      sent += 2
      const session = { ...jsonAuth, 'X-Voiceable-Mock-Session': `soak-${n % SESSIONS}` }
      expectStatus('session', await send('GET', api('/agents'), { headers: session }), 200)
      expectStatus(
        'session',
        await send('PATCH', api('/agents/123'), {
          headers: session,
          body: json({ agent: { name: `S${n}` } }),
        }),
        200,
      )
    }
  }

  async function measure() {
    const measured = reply()
    child.send('measure')
    return measured
  }

  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const samples = []
  const startedAt = Date.now()
  let nextSample = SAMPLE_EVERY
  let nextClear = CLEAR_SESSIONS_EVERY
  let units = 0

  // Workers run in rounds of SAMPLE_EVERY requests (or a session clearing), so a sample is taken
  // with nothing in flight.
  while (sent < TOTAL) {
    const target = Math.min(nextSample, nextClear, TOTAL)
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < target) await unit(units++)
      }),
    )
    if (sent >= nextClear) {
      nextClear += CLEAR_SESSIONS_EVERY
      expectStatus('sessions cleared', await send('DELETE', '/__voiceable/sessions'), 200)
    }
    if (sent >= nextSample || sent >= TOTAL) {
      nextSample += SAMPLE_EVERY
      const sample = {
        requests: sent,
        seconds: (Date.now() - startedAt) / 1000,
        ...(await measure()),
      }
      samples.push(sample)
      console.log(
        `soak: ${sample.requests} requests, ${sample.seconds.toFixed(0)} s, heap ${mb(sample.heapUsed)}, rss ${mb(sample.rss)}`,
      )
    }
  }

  agent.destroy()
  child.send('close')
  await new Promise((resolve) => child.once('exit', resolve))
  const baseline = samples.find((sample) => sample.requests >= BASELINE_AT) ?? samples[0]
  const last = samples[samples.length - 1]
  const growth = (last.heapUsed - baseline.heapUsed) / baseline.heapUsed
  const seconds = (Date.now() - startedAt) / 1000
  const figures = {
    requests: sent,
    seconds,
    requestsPerSecond: Math.round(sent / seconds),
    heapAtBaseline: baseline.heapUsed,
    baselineAt: baseline.requests,
    heapAtEnd: last.heapUsed,
    growth,
    rssMax: Math.max(...samples.map((sample) => sample.rss)),
    rssAtEnd: last.rss,
    unexpected,
    counts,
    samples,
  }
  if (process.env.SOAK_FIGURES)
    writeFileSync(process.env.SOAK_FIGURES, `${JSON.stringify(figures, null, 2)}\n`)
  console.log(
    `soak: ${sent} requests in ${seconds.toFixed(0)} s (${figures.requestsPerSecond}/s); heap ${mb(baseline.heapUsed)} at ${baseline.requests} → ${mb(last.heapUsed)} at the end (${(growth * 100).toFixed(1)}%); rss max ${mb(figures.rssMax)}; ${unexpected} unexpected answers`,
  )
  for (const problem of firstProblems) console.log(`soak: unexpected ${problem}`)
  const passed = unexpected === 0 && Math.abs(growth) <= TOLERANCE
  console.log(passed ? 'soak: passed' : 'soak: FAILED')
  process.exit(passed ? 0 : 1)
}
