import { afterEach, expect, it, vi } from 'vitest'
import {
  connectMockServer,
  startMockServer,
  type MockServer,
  type StartMockServerOptions,
} from 'voiceable-mock/node'
import { DOCUMENTED_API_KEY } from '../support/documented.js'

// Isolated sessions over real HTTP: X-Voiceable-Mock-Session gives each client a store, journal,
// faults, rate-limit counts and scenario of its own, made from the starting state on first use.

vi.setConfig({ testTimeout: 30_000 })

const SESSION = 'X-Voiceable-Mock-Session'
const started: MockServer[] = []

async function start(options: StartMockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer(options)
  started.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

function api(
  server: MockServer,
  session: string | undefined,
  path: string,
  init: RequestInit = {},
) {
  return fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: {
      'X-API-Key': DOCUMENTED_API_KEY.key_value,
      'Content-Type': 'application/json',
      ...(session === undefined ? {} : { [SESSION]: session }),
      ...init.headers,
    },
  })
}

/** The names of user 1's keys, read with a JWT (every session shares the seed's signing secret). */
async function keyNames(server: MockServer, session: string | undefined): Promise<string[]> {
  const token = await server.mock.store.issueToken(1)
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    headers: {
      Authorization: `Bearer ${token}`,
      ...(session === undefined ? {} : { [SESSION]: session }),
    },
  })
  return (await response.json()).data.map((key: { name: string }) => key.name)
}

it('keeps the writes of concurrent clients in their own sessions, and the default store apart', async () => {
  const server = await start()
  const clients = Array.from({ length: 8 }, (_, i) => `client-${i}`)
  const writesEach = 10
  // Every client writes at once, interleaved: creates, then deletes key 1 (the documented key).
  await Promise.all(
    clients.map(async (session) => {
      for (let i = 0; i < writesEach; i++) {
        const created = await api(server, session, '/api_keys', {
          method: 'POST',
          body: JSON.stringify({ api_key: { name: `${session} #${i}`, key_type: 'private' } }),
        })
        expect(created.status).toBe(201)
      }
      expect((await api(server, session, '/api_keys/1', { method: 'DELETE' })).status).toBe(200)
    }),
  )
  for (const session of clients) {
    expect(await keyNames(server, session)).toEqual(
      Array.from({ length: writesEach }, (_, i) => `${session} #${i}`),
    )
    const journal = connectMockServer(server.url, { session }).journal
    expect(await journal.count()).toBe(writesEach + 2)
    expect(await journal.count({ endpoint: 'deleteApiKey', status: 200 })).toBe(1)
  }
  // The default store saw none of it: its key 1 is there, and its journal holds only its own request.
  expect(await keyNames(server, undefined)).toEqual([DOCUMENTED_API_KEY.name])
  expect(server.mock.journal.count()).toBe(1)
})

it('gives each session its own ids, faults, rate-limit counts and scenario', async () => {
  const server = await start({ rateLimit: { limit: 3 } })
  const a = connectMockServer(server.url, { session: 'a' })
  const b = connectMockServer(server.url, { session: 'b' })
  // Ids are counted per session: both get the same next id.
  const ids = await Promise.all(
    ['a', 'b'].map(async (session) => {
      const response = await api(server, session, '/api_keys', {
        method: 'POST',
        body: JSON.stringify({ api_key: { name: 'x', key_type: 'public' } }),
      })
      return (await response.json()).data.id
    }),
  )
  expect(ids[0]).toBe(ids[1])
  await a.faults.error(503, { endpoint: 'getApiKey' })
  expect((await api(server, 'a', '/api_keys/1')).status).toBe(503)
  expect((await api(server, 'b', '/api_keys/1')).status).toBe(200)
  expect((await api(server, undefined, '/api_keys/1')).status).toBe(200)
  // a has made 2 requests, b 2: one more each is within the limit of 3, a fourth is not.
  expect((await api(server, 'a', '/api_keys')).status).toBe(200)
  expect((await api(server, 'a', '/api_keys')).status).toBe(429)
  expect((await api(server, 'b', '/api_keys')).status).toBe(200)
  await b.useScenario('empty')
  expect((await api(server, 'b', '/api_keys/1')).status).toBe(401)
  expect((await api(server, undefined, '/api_keys/1')).status).toBe(200)
  // The scenario header works per session too.
  const many = await api(server, 'c', '/api_keys', {
    headers: { 'X-Voiceable-Mock-Scenario': 'many-keys' },
  })
  expect((await many.json()).data.length).toBeGreaterThan(100)
  expect(server.mock.store.listApiKeys(1)).toHaveLength(1)
})

it('starts a session from the server starting state, even when the default store has changed', async () => {
  const server = await start({ scenario: 'multi-tenant', seed: 7 })
  await api(server, undefined, '/api_keys/1', { method: 'DELETE' })
  await server.control.useScenario('empty')
  expect(await connectMockServer(server.url, { session: 'new' }).snapshot()).toEqual(
    (await start({ scenario: 'multi-tenant', seed: 7 })).mock.snapshot(),
  )
})

it('drops every session with DELETE /__voiceable/sessions', async () => {
  const server = await start()
  await api(server, 's1', '/api_keys/1', { method: 'DELETE' })
  await api(server, 's2', '/api_keys/1', { method: 'DELETE' })
  await connectMockServer(server.url, { session: 's1' }).clearSessions()
  for (const session of ['s1', 's2'])
    expect(await keyNames(server, session)).toEqual([DOCUMENTED_API_KEY.name])
})

it('allows the session header in a CORS preflight, so a page can send it', async () => {
  const server = await start()
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'http://localhost:5173',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'x-api-key',
    },
  })
  expect(response.headers.get('access-control-allow-headers')).toContain(SESSION)
})
