import { createServer } from 'node:net'
import { afterEach, expect, it, vi } from 'vitest'
import {
  connectMockServer,
  startMockServer,
  type MockServer,
  type StartMockServerOptions,
} from 'voiceable-mock/node'
import { DOCUMENTED_API_KEY } from '../support/documented.js'

// connectMockServer: the in-process toolkit's shape, made async, over the control API.

vi.setConfig({ testTimeout: 20_000 })

const AUTH = { 'X-API-Key': DOCUMENTED_API_KEY.key_value }
const started: MockServer[] = []

async function start(options: StartMockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer(options)
  started.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

it('resets, switches scenario, saves and restores through server.control', async () => {
  const server = await start()
  const { control } = server
  const saved = await control.snapshot()
  expect(saved).toEqual(server.mock.snapshot())
  await fetch(`${server.baseUrl}/api_keys/1`, { method: 'DELETE', headers: AUTH })
  await control.reset()
  expect(server.mock.snapshot()).toEqual(saved)
  await control.useScenario('empty')
  expect(server.mock.store.listApiKeys(1)).toEqual([])
  await control.restore(saved)
  expect(server.mock.snapshot()).toEqual(saved)
})

it('rejects a bad snapshot with an Error naming the field, and keeps the store', async () => {
  const server = await start()
  const saved = await server.control.snapshot()
  await expect(server.control.restore({ ...saved, next_user_id: 0 })).rejects.toThrow(
    /answered 422 validation_failed: next_user_id: /,
  )
  expect(server.mock.snapshot()).toEqual(saved)
})

it('adds faults that report their hits and can be removed, and clears them', async () => {
  const server = await start()
  const { faults } = server.control
  const error = await faults.error(503, { endpoint: 'getApiKey', message: 'Down' })
  const slow = await faults.latency({ min: 1, max: 2 }, { endpoint: 'listApiKeys' })
  const limited = await faults.exhaustRateLimit({ endpoint: 'deleteApiKey', times: 1 })
  const dropped = await faults.networkError({ endpoint: 'createApiKey', times: 1 })
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(503)
  expect((await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH })).status).toBe(200)
  expect(
    (await fetch(`${server.baseUrl}/api_keys/1`, { method: 'DELETE', headers: AUTH })).status,
  ).toBe(429)
  await expect(
    fetch(`${server.baseUrl}/api_keys`, { method: 'POST', headers: AUTH, body: '{}' }),
  ).rejects.toThrow()
  expect(await error.hits()).toBe(1)
  expect(await slow.hits()).toBe(1)
  expect(await limited.hits()).toBe(1)
  expect(await dropped.hits()).toBe(1)
  await error.remove()
  await error.remove() // already gone: no error, as in-process
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
  await faults.clear()
  expect(await slow.hits()).toBe(0)
})

it('queries the journal by endpoint, method, user, key and status, and clears it', async () => {
  const server = await start()
  await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  await fetch(`${server.baseUrl}/api_keys/2`, { headers: AUTH })
  await fetch(`${server.baseUrl}/api_keys`)
  const { journal } = server.control
  expect(await journal.entries()).toEqual(server.mock.journal.entries())
  expect(await journal.count({ endpoint: 'getApiKey' })).toBe(2)
  expect(await journal.count({ method: 'get', userId: 1, status: 404 })).toBe(1)
  expect(await journal.count({ userId: null })).toBe(1)
  expect((await journal.last({ keyId: 1 }))?.seq).toBe(1)
  expect(await journal.last({ status: 500 })).toBeUndefined()
  await journal.clear()
  expect(await journal.count()).toBe(0)
})

it('acts on one session when given one', async () => {
  const server = await start()
  const mine = connectMockServer(server.url, { session: 'mine' })
  await mine.faults.error(500)
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
  const inSession = await fetch(`${server.baseUrl}/api_keys/1`, {
    headers: { ...AUTH, 'X-Voiceable-Mock-Session': 'mine' },
  })
  expect(inSession.status).toBe(500)
  expect(await mine.journal.count()).toBe(1)
})

it('takes server.url or any URL on the server, and sends the token it is given', async () => {
  const server = await start({ controlToken: 'sesame-123' })
  const client = connectMockServer(`${server.baseUrl}/anything?x=1`, { token: 'sesame-123' })
  expect(await client.journal.count()).toBe(0)
  await expect(connectMockServer(server.url, { token: 'wrong' }).reset()).rejects.toThrow(
    `The control API of ${server.url} refused the request: The control token does not match the one the server was started with`,
  )
})

it('rejects with an Error saying so when control is off', async () => {
  const server = await start({ control: false })
  await expect(server.control.reset()).rejects.toThrow(
    `Failed to reach the control API of ${server.url}: it is off (the server was started with --no-control or control: false)`,
  )
})

it('rejects with the network error when the server cannot be reached', async () => {
  const probe = createServer()
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
  )
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  const error = await connectMockServer(`http://127.0.0.1:${port}`)
    .reset()
    .catch((reason: unknown) => reason as TypeError & { cause?: { code?: string } })
  expect(error).toBeInstanceOf(TypeError)
  expect(error?.cause?.code).toBe('ECONNREFUSED')
})
