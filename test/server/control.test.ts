import { request as httpRequest } from 'node:http'
import { afterEach, expect, it, vi } from 'vitest'
import { SCENARIOS, type Snapshot } from 'voiceable-mock'
import { startMockServer, type MockServer, type StartMockServerOptions } from 'voiceable-mock/node'
import { CONTROL_MESSAGES } from '../../src/node/control.js'
import { DOCUMENTED_API_KEY } from '../support/documented.js'

// Every route of the control API (/__voiceable/) over real HTTP, with its error cases and who may
// use it from loopback. The refusal of another address is in control-remote.test.ts.

vi.setConfig({ testTimeout: 20_000 })

const AUTH = { 'X-API-Key': DOCUMENTED_API_KEY.key_value }
const OK = (code: number) => ({ status: { code, message: 'OK' } })
const started: MockServer[] = []

async function start(options: StartMockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer(options)
  started.push(server)
  return server
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

/** A control request: the status, the parsed body and the headers. */
async function control(
  server: MockServer,
  method: string,
  path: string,
  init: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${server.url}/__voiceable${path}`, {
    method,
    headers: init.headers ?? {},
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    ...(init.body === undefined ? {} : { body: init.body }),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? undefined : JSON.parse(text),
    headers: response.headers,
  }
}

function api(server: MockServer, path: string, init: RequestInit = {}) {
  return fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { ...AUTH, 'Content-Type': 'application/json', ...init.headers },
  })
}

function validationFailed(errors: string[]) {
  return {
    status: { code: 422, message: `Validation failed: ${errors.join(', ')}` },
    error: 'validation_failed',
    errors,
  }
}

it('resets the store, faults and journal with POST /reset', async () => {
  const server = await start()
  await api(server, '/api_keys/1', { method: 'DELETE' })
  server.mock.faults.error(500)
  expect(await control(server, 'POST', '/reset')).toMatchObject({ status: 200, body: OK(200) })
  expect((await api(server, '/api_keys/1')).status).toBe(200)
  expect(server.mock.journal.count()).toBe(1)
})

it('switches scenario with PUT /scenario, and lists the valid names for an unknown one', async () => {
  const server = await start()
  expect(await control(server, 'PUT', '/scenario', { json: { name: 'empty' } })).toMatchObject({
    status: 200,
    body: OK(200),
  })
  expect(server.mock.store.listApiKeys(1)).toEqual([])
  const unknown = await control(server, 'PUT', '/scenario', { json: { name: 'crowded' } })
  expect(unknown).toMatchObject({
    status: 422,
    body: validationFailed([
      `name must be one of ${SCENARIOS.map((name) => `'${name}'`).join(', ')}, got 'crowded'`,
    ]),
  })
})

it('resets to the starting scenario after PUT /scenario switched to another', async () => {
  const server = await start()
  const start0 = server.mock.snapshot()
  await control(server, 'PUT', '/scenario', { json: { name: 'many-keys' } })
  expect(server.mock.store.scenario).toBe('many-keys')
  await control(server, 'POST', '/reset')
  expect(server.mock.store.scenario).toBe('documented')
  expect(server.mock.snapshot()).toEqual(start0)
})

it('serves the snapshot itself with GET /snapshot, and takes it back with PUT /snapshot', async () => {
  const server = await start()
  const saved = await control(server, 'GET', '/snapshot')
  expect(saved.status).toBe(200)
  expect(saved.body).toEqual(server.mock.snapshot())
  await api(server, '/api_keys/1', { method: 'DELETE' })
  expect(await control(server, 'PUT', '/snapshot', { json: saved.body })).toMatchObject({
    status: 200,
    body: OK(200),
  })
  expect((await api(server, '/api_keys/1')).status).toBe(200)
})

it('refuses an invalid snapshot with 422 naming the bad field, and leaves the store unchanged', async () => {
  const server = await start()
  const before = server.mock.snapshot()
  const bad: Snapshot = {
    ...before,
    api_keys: [{ ...(before.api_keys[0] as Snapshot['api_keys'][number]), user_id: 999 }],
  }
  expect(await control(server, 'PUT', '/snapshot', { json: bad })).toMatchObject({
    status: 422,
    body: validationFailed(['api_keys[0].user_id: user 999 does not exist']),
  })
  expect(await control(server, 'PUT', '/snapshot', { body: '{"format":' })).toMatchObject({
    status: 422,
    body: {
      error: 'validation_failed',
      errors: [expect.stringMatching(/^The body must be JSON: /)],
    },
  })
  expect(server.mock.snapshot()).toEqual(before)
})

it('adds an error fault with POST /faults (201 and an id), lists it with its hits and removes it', async () => {
  const server = await start()
  const added = await control(server, 'POST', '/faults', {
    json: { kind: 'error', status: 503, message: 'Down for maintenance', endpoint: 'getApiKey' },
  })
  expect(added).toMatchObject({ status: 201, body: { ...OK(201), id: expect.any(String) } })
  const failed = await api(server, '/api_keys/1')
  expect(failed.status).toBe(503)
  expect((await failed.json()).errors).toEqual(['Down for maintenance'])
  expect((await control(server, 'GET', '/faults')).body).toEqual({
    ...OK(200),
    faults: [
      {
        id: added.body.id,
        kind: 'error',
        status: 503,
        message: 'Down for maintenance',
        endpoint: 'getApiKey',
        hits: 1,
        active: true,
      },
    ],
  })
  expect(await control(server, 'DELETE', `/faults/${added.body.id as string}`)).toMatchObject({
    status: 200,
    body: { ...OK(200), removed: true },
  })
  expect((await api(server, '/api_keys/1')).status).toBe(200)
  expect((await control(server, 'GET', '/faults')).body.faults).toEqual([])
})

it('adds network, latency and rate-limit faults with their scopes, and clears them all with DELETE /faults', async () => {
  const server = await start()
  for (const json of [
    { kind: 'network', endpoint: 'listApiKeys', times: 1 },
    { kind: 'latency', ms: 150, endpoint: ['getApiKey'], times: 1 },
    { kind: 'latency', min: 10, max: 20, userId: 7, probability: 0.5 },
    { kind: 'rate-limit', endpoint: 'updateApiKey', userId: 1, times: 1 },
  ])
    expect((await control(server, 'POST', '/faults', { json })).status).toBe(201)

  await expect(api(server, '/api_keys')).rejects.toThrow(TypeError)
  const startedAt = performance.now()
  expect((await api(server, '/api_keys/1')).status).toBe(200)
  expect(performance.now() - startedAt).toBeGreaterThanOrEqual(145)
  const limited = await api(server, '/api_keys/1', {
    method: 'PUT',
    body: JSON.stringify({ api_key: { name: 'x' } }),
  })
  expect(limited.status).toBe(429)
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
  expect((await limited.json()).error).toBe('rate_limited')

  const listed = (await control(server, 'GET', '/faults')).body.faults
  expect(listed.map((fault: { kind: string; hits: number; active: boolean }) => fault)).toEqual([
    expect.objectContaining({ kind: 'network', hits: 1, active: false, times: 1 }),
    expect.objectContaining({ kind: 'latency', min: 150, max: 150, hits: 1, active: false }),
    expect.objectContaining({ kind: 'latency', min: 10, max: 20, userId: 7, hits: 0 }),
    expect.objectContaining({ kind: 'rate-limit', hits: 1, active: false }),
  ])
  expect(await control(server, 'DELETE', '/faults')).toMatchObject({ status: 200 })
  expect((await control(server, 'GET', '/faults')).body.faults).toEqual([])
})

/** The fault kinds as the messages list them. */
const FAULT_KINDS = "'error', 'network', 'latency', 'rate-limit'"

it.each([
  [{ kind: 'error', status: 200 }, ['status must be an error status (400–599), got 200']],
  [{ kind: 'error' }, ['status must be an error status (400–599), got undefined']],
  [{ kind: 'timeout' }, [`kind must be one of ${FAULT_KINDS}, got 'timeout'`]],
  [{}, [`kind must be one of ${FAULT_KINDS}, got undefined`]],
  [
    { kind: 'latency' },
    ['min must be given (a latency is ms, or both min and max), got undefined'],
  ],
  [{ kind: 'latency', ms: 5, min: 1, max: 9 }, ['ms must not be given with min and max, got 5']],
  [{ kind: 'latency', min: 9, max: 1 }, ['max must not be less than min (9), got 1']],
  [{ kind: 'latency', ms: -1 }, ['ms must be a number of milliseconds from 0 to 600000, got -1']],
  [{ kind: 'network', times: 0 }, ['times must be a positive integer, got 0']],
  [{ kind: 'network', probability: 2 }, ['probability must be a number from 0 to 1, got 2']],
  [{ kind: 'network', userId: 'me' }, ["userId must be a positive integer, got 'me'"]],
  [
    { kind: 'network', scope: {} },
    ["unknown field 'scope'; the fields are endpoint, kind, probability, times, userId"],
  ],
  [
    { kind: 'network', endpoint: 'listKeys' },
    [
      expect.stringMatching(
        /^endpoint must be one of 'listApiKeys', .*'unknownRoute', or a non-empty list of them, got 'listKeys'$/,
      ),
    ],
  ],
  [[1], [CONTROL_MESSAGES.notObject]],
  ['error', [CONTROL_MESSAGES.notObject]],
])('refuses the fault body %j with 422 naming the problem', async (json, errors) => {
  const server = await start()
  const answer = await control(server, 'POST', '/faults', { json })
  expect(answer.status).toBe(422)
  expect(answer.body).toMatchObject({ error: 'validation_failed', errors })
  expect((await control(server, 'GET', '/faults')).body.faults).toEqual([])
})

it('refuses a rate-limit fault on a server without a rate limit, with 422', async () => {
  const server = await start({ rateLimit: false })
  expect(await control(server, 'POST', '/faults', { json: { kind: 'rate-limit' } })).toMatchObject({
    status: 422,
    body: {
      errors: ['Failed to exhaust the rate limit: this mock was created with rateLimit: false'],
    },
  })
})

it('answers DELETE /faults/{id} for a fault already gone with removed: false', async () => {
  const server = await start()
  expect(await control(server, 'DELETE', '/faults/fault-99')).toMatchObject({
    status: 200,
    body: { ...OK(200), removed: false },
  })
})

it('lists the journal with GET /journal, masked as in-process, filtered by every query parameter', async () => {
  const server = await start()
  const created = await api(server, '/api_keys', {
    method: 'POST',
    body: JSON.stringify({ api_key: { name: 'Mine', key_type: 'private' } }),
  })
  const { id } = (await created.json()).data
  await api(server, `/api_keys/${id as number}`)
  await fetch(`${server.baseUrl}/api_keys`)
  const all = await control(server, 'GET', '/journal')
  expect(all.status).toBe(200)
  expect(all.body).toEqual({ ...OK(200), entries: server.mock.journal.entries() })
  expect(all.body.entries[0].response.data.key_value).toBe('sk_live_********')

  const query = async (search: string) =>
    (await control(server, 'GET', `/journal?${search}`)).body.entries.map(
      (entry: { seq: number }) => entry.seq,
    )
  expect(await query('endpoint=createApiKey')).toEqual([1])
  expect(await query('method=get')).toEqual([2, 3])
  expect(await query('userId=1')).toEqual([1, 2])
  expect(await query('userId=null')).toEqual([3])
  expect(await query(`keyId=${id as number}`)).toEqual([2])
  expect(await query('status=401')).toEqual([3])
  expect(await query('endpoint=getApiKey&status=200&userId=1')).toEqual([2])
})

it.each([
  [
    'endpoint=listKeys',
    [
      expect.stringMatching(
        /^endpoint must be one of 'listApiKeys', .*'unknownRoute', got 'listKeys'$/,
      ),
    ],
  ],
  ['userId=me', ["userId must be a positive integer, or null for anonymous requests, got 'me'"]],
  ['keyId=0', ['keyId must be a positive integer, got 0']],
  ['status=abc', ["status must be an HTTP status, or 0 for an injected network error, got 'abc'"]],
  ['method=G%20T', ["method must be an HTTP method such as GET, got 'G T'"]],
  ['status=200&status=201', ["status must be given at most once, got ['200', '201']"]],
  [
    'user_id=1',
    ["unknown field 'user_id'; the fields are agentId, endpoint, keyId, method, status, userId"],
  ],
])('refuses the journal query %s with 422 naming the problem', async (search, errors) => {
  const server = await start()
  expect(await control(server, 'GET', `/journal?${search}`)).toMatchObject({
    status: 422,
    body: { error: 'validation_failed', errors },
  })
})

it('filters the journal by agentId, as a string id', async () => {
  const server = await start()
  const token = await server.mock.store.issueToken(1)
  const created = await api(server, '/agents', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: JSON.stringify({ agent: { name: 'Night Shift' } }),
  })
  const { id } = (await created.json()).data as { id: string }
  await api(server, `/agents/${id}`, { headers: { Authorization: `Bearer ${token}` } })
  const answer = await control(server, 'GET', `/journal?agentId=${id}`)
  expect(answer.body.entries).toEqual([
    expect.objectContaining({ endpoint: 'getAgent', agentId: id }),
  ])
  expect(await control(server, 'GET', '/journal?agentId=abc')).toMatchObject({
    status: 422,
    body: {
      errors: [
        "agentId must be an agent id: a positive integer as a string, such as '123', got 'abc'",
      ],
    },
  })
})

it('clears the journal with DELETE /journal', async () => {
  const server = await start()
  await api(server, '/api_keys')
  expect(await control(server, 'DELETE', '/journal')).toMatchObject({ status: 200, body: OK(200) })
  expect(server.mock.journal.count()).toBe(0)
})

it('answers unknown control paths and methods with the 404 route_not_found envelope', async () => {
  const server = await start()
  for (const [method, path] of [
    ['GET', '/reset'],
    ['GET', ''],
    ['GET', '/'],
    ['POST', '/journal'],
    ['GET', '/faults/fault-1'],
    ['DELETE', '/nothing/here'],
  ] as const) {
    expect(await control(server, method, path)).toMatchObject({
      status: 404,
      body: {
        status: { code: 404, message: 'Not Found' },
        error: 'route_not_found',
        errors: [`No route matches ${method} /__voiceable${path}`],
      },
    })
  }
})

it('keeps control requests out of the journal, the rate limit and the faults', async () => {
  const server = await start({ rateLimit: { limit: 2 } })
  server.mock.faults.error(500)
  server.mock.faults.networkError({ endpoint: 'unknownRoute' })
  for (let i = 0; i < 5; i++) expect((await control(server, 'GET', '/journal')).status).toBe(200)
  expect(server.mock.journal.count()).toBe(0)
  expect((await control(server, 'DELETE', '/faults')).status).toBe(200)
  const response = await api(server, '/api_keys/1')
  expect(response.status).toBe(200)
  expect(response.headers.get('x-ratelimit-remaining')).toBe('1')
})

it('sends no CORS headers and answers no preflight on control routes', async () => {
  const server = await start()
  const answer = await control(server, 'GET', '/journal')
  expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
    [],
  )
  const preflight = await control(server, 'OPTIONS', '/reset', {
    headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
  })
  expect(preflight.status).toBe(403)
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
})

it('refuses a control request that carries an Origin header with 403, even from loopback', async () => {
  const server = await start()
  await api(server, '/api_keys/1', { method: 'DELETE' })
  const refused = await control(server, 'POST', '/reset', {
    headers: { Origin: 'http://localhost:5173' },
  })
  expect(refused).toMatchObject({
    status: 403,
    body: {
      status: { code: 403, message: 'Forbidden' },
      error: 'forbidden',
      errors: [CONTROL_MESSAGES.pageOrigin],
    },
  })
  expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  // Not reset: key 1 is still deleted.
  expect(server.mock.store.getApiKey(1, 1)).toBeUndefined()
})

it('refuses a control request naming the server by another name than an IP address or localhost (DNS rebinding)', async () => {
  const server = await start()
  const { port } = new URL(server.url)
  const answer = await new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/__voiceable/snapshot',
        headers: { Host: `evil.example:${port}` },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }),
        )
      },
    )
    request.on('error', reject).end()
  })
  expect(answer).toEqual({
    status: 403,
    body: expect.objectContaining({
      errors: [CONTROL_MESSAGES.foreignHost(`evil.example:${port}`)],
    }),
  })
  expect((await control(server, 'GET', '/snapshot')).status).toBe(200)
})

it('admits a request with an Origin when it bears the control token, and refuses a wrong token', async () => {
  const server = await start({ controlToken: 'sesame-123' })
  const withOrigin = { Origin: 'http://localhost:5173' }
  expect(
    (
      await control(server, 'GET', '/journal', {
        headers: { ...withOrigin, Authorization: 'Bearer sesame-123' },
      })
    ).status,
  ).toBe(200)
  for (const authorization of ['Bearer sesame-12', 'Bearer ', 'Basic sesame-123'])
    expect(
      await control(server, 'GET', '/journal', { headers: { Authorization: authorization } }),
    ).toMatchObject({ status: 403, body: { errors: [CONTROL_MESSAGES.wrongToken] } })
})

it('refuses a token sent to a server started without one', async () => {
  const server = await start()
  expect(
    await control(server, 'GET', '/journal', { headers: { Authorization: 'Bearer guess' } }),
  ).toMatchObject({ status: 403, body: { errors: [CONTROL_MESSAGES.noToken] } })
})

it('answers every control path with the API 404, with CORS as elsewhere, when control is off', async () => {
  const server = await start({ control: false })
  const answer = await control(server, 'POST', '/reset', {
    headers: { Origin: 'http://localhost:5173' },
  })
  expect(answer).toMatchObject({ status: 404, body: { error: 'route_not_found' } })
  expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
})

it('takes a control body of up to 64 MiB (a large snapshot) and refuses a larger one with 413', async () => {
  const server = await start()
  const snapshot = server.mock.snapshot()
  const padded = JSON.stringify(snapshot).replace(
    /}$/,
    `,"padding":"${'x'.repeat(8 * 1024 * 1024)}"}`,
  )
  // 8 MiB, far over the API's 1 MiB: the body is read whole, then the snapshot names the field.
  expect(await control(server, 'PUT', '/snapshot', { body: padded })).toMatchObject({
    status: 422,
    body: { errors: ['(root): Unrecognized key: "padding"'] },
  })
  const tooLarge = await control(server, 'PUT', '/snapshot', {
    body: 'x'.repeat(64 * 1024 * 1024 + 1),
  })
  expect(tooLarge).toMatchObject({ status: 413, body: { error: 'payload_too_large' } })
})

it('refuses a malformed session header on control and API requests with 400', async () => {
  const server = await start()
  const long = 'x'.repeat(201)
  expect(
    await control(server, 'GET', '/journal', { headers: { 'X-Voiceable-Mock-Session': long } }),
  ).toMatchObject({ status: 400, body: { error: 'bad_request' } })
  const response = await api(server, '/api_keys', { headers: { 'X-Voiceable-Mock-Session': long } })
  expect(response.status).toBe(400)
})
