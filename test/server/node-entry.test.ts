import { createServer } from 'node:net'
import { pathToFileURL } from 'node:url'
import { afterEach, expect, it, vi } from 'vitest'
import { NODE_ENTRY_PATH, ROOT_ENTRY_PATH } from '../support/cli-process.js'
import { DOCUMENTED_API_KEY, MANY_KEYS_COUNT } from '../support/documented.js'
import type * as RootEntry from 'voiceable-mock'
import type * as NodeEntry from 'voiceable-mock/node'

vi.setConfig({ testTimeout: 20_000 })

// @note The BUILT entries (dist/node.js, dist/index.js), typed by their sources.
const { startMockServer } = (await import(pathToFileURL(NODE_ENTRY_PATH).href)) as typeof NodeEntry
const root = (await import(pathToFileURL(ROOT_ENTRY_PATH).href)) as typeof RootEntry

type MockServer = Awaited<ReturnType<typeof startMockServer>>
const AUTH = { 'X-API-Key': 'your-api-key-here' }
const started: MockServer[] = []

async function start(options: Parameters<typeof startMockServer>[0] = {}): Promise<MockServer> {
  const server = await startMockServer(options)
  started.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

it('starts on a free port on 127.0.0.1 and returns its origin and documented base URL', async () => {
  const server = await start()
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(server.baseUrl).toBe(`${server.url}/api/v1`)
  const response = await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  expect(response.status).toBe(200)
  expect((await response.json()).data).toEqual({ ...DOCUMENTED_API_KEY, key_value: null })
})

it('exposes the fake behind the server: its journal and store see HTTP requests', async () => {
  const server = await start()
  await fetch(`${server.baseUrl}/api_keys`, {
    method: 'POST',
    headers: { ...AUTH, 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name: 'From HTTP', key_type: 'public' } }),
  })
  expect(server.mock.journal.last()).toMatchObject({
    endpoint: 'createApiKey',
    status: 201,
    path: '/api/v1/api_keys',
    userId: 1,
  })
  expect(server.mock.store.listApiKeys(1).map((key) => key.name)).toContain('From HTTP')
})

it('answers with faults injected through the returned mock', async () => {
  const server = await start()
  server.mock.faults.error(503, { endpoint: 'getApiKey', times: 1 })
  const failed = await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  expect(failed.status).toBe(503)
  expect((await failed.json()).error).toBe('service_unavailable')
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
})

it('turns an injected network error into a connection reset, and keeps serving', async () => {
  const server = await start()
  server.mock.faults.networkError({ endpoint: 'listApiKeys', times: 1 })
  const error = await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH }).then(
    () => undefined,
    (reason: unknown) => reason as Error & { cause?: { code?: string } },
  )
  expect(error).toBeInstanceOf(TypeError)
  expect(error?.cause?.code).toBe('ECONNRESET')
  expect((await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH })).status).toBe(200)
})

it('logs one line per request to the log option, without secrets or query strings', async () => {
  const lines: string[] = []
  const server = await start({ log: (line) => lines.push(line) })
  await fetch(`${server.baseUrl}/api_keys/1?token=secret-in-query`, { headers: AUTH })
  await fetch(`${server.url}/elsewhere`, { headers: { Authorization: 'Bearer your-api-key-here' } })
  await vi.waitFor(() => expect(lines).toHaveLength(2))
  expect(lines[0]).toMatch(/^GET \/api\/v1\/api_keys\/1 200 \d+\.\dms$/)
  expect(lines[1]).toMatch(/^GET \/elsewhere 404 \d+\.\dms$/)
  expect(lines.join('\n')).not.toMatch(/your-api-key-here|secret-in-query/)
})

it('starts from a snapshot and passes the other mock options through', async () => {
  const source = root.createVoiceableMock({ scenario: 'empty' })
  const { apiKey } = source.store.createUser({ email: 'ada@example.com' })
  const server = await start({ snapshot: source.snapshot(), rateLimit: false })
  const response = await fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-API-Key': apiKey } })
  expect(response.status).toBe(200)
  expect((await response.json()).data.map((key: { user_email: string }) => key.user_email)).toEqual(
    ['ada@example.com'],
  )
  expect(response.headers.get('x-ratelimit-limit')).toBeNull()
})

it("rejects an invalid snapshot with the root entry's own SnapshotError class", async () => {
  const error = await startMockServer({ snapshot: { format: 'nope' } }).catch(
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(root.SnapshotError)
  expect((error as Error).message).toMatch(/format/)
})

it('rejects with EADDRINUSE when the port is taken', async () => {
  const first = await start()
  const error = await startMockServer({ port: Number(new URL(first.url).port) }).catch(
    (reason: unknown) => reason,
  )
  expect((error as NodeJS.ErrnoException).code).toBe('EADDRINUSE')
})

it('closes idempotently and frees its port', async () => {
  const server = await start()
  const port = Number(new URL(server.url).port)
  await Promise.all([server.close(), server.close()])
  await server.close()
  await expect(fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).rejects.toThrow()
  // The port is free again: something else can listen on it.
  const probe = createServer()
  await new Promise<void>((resolve, reject) =>
    probe.once('error', reject).listen(port, '127.0.0.1', resolve),
  )
  await new Promise<void>((resolve) => probe.close(() => resolve()))
})

it('closes without waiting for a request that is sitting out a long delay', async () => {
  const server = await start({ delayMs: 60_000 })
  const pending = fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH }).then(
    () => 'answered',
    () => 'dropped',
  )
  // Let the request reach the server (if it has not yet, close drops it all the same).
  await new Promise((resolve) => setTimeout(resolve, 200))
  await server.close()
  expect(await pending).toBe('dropped')
})

it('serves under the base paths given, and reports the first one as baseUrl', async () => {
  const server = await start({ baseUrl: ['/v2/', '/legacy'] })
  expect(server.baseUrl).toBe(`${server.url}/v2`)
  expect((await fetch(`${server.url}/legacy/api_keys/1`, { headers: AUTH })).status).toBe(200)
  expect((await fetch(`${server.url}/api/v1/api_keys/1`, { headers: AUTH })).status).toBe(404)
})

it('refuses an absolute baseUrl, which no request to the server could match', async () => {
  await expect(startMockServer({ baseUrl: 'https://api.example.com/api/v1' })).rejects.toThrow(
    /same-origin paths such as '\/api\/v1'/,
  )
})

it('switches scenario on the X-Voiceable-Mock-Scenario header and delays on a latency fault, over HTTP', async () => {
  const server = await start()
  const token = await server.mock.store.issueToken(1)
  const res = await fetch(`${server.baseUrl}/api_keys`, {
    headers: { Authorization: `Bearer ${token}`, [root.SCENARIO_HEADER]: 'many-keys' },
  })
  expect((await res.json()).data).toHaveLength(MANY_KEYS_COUNT)
  server.mock.faults.latency(100, { endpoint: 'getApiKey', times: 1 })
  const started = performance.now()
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
  expect(performance.now() - started).toBeGreaterThanOrEqual(95)
  const saved = server.mock.snapshot()
  await fetch(`${server.baseUrl}/api_keys/1`, { method: 'DELETE', headers: AUTH })
  server.mock.restore(saved)
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
})
