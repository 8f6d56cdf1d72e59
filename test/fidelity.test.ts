/**
 * Fidelity where the docs are silent (issue 14): the fake behaves as the Rails backend does.
 * Each test pins one row of the fidelity table (docs/fidelity.md); `test/parity.test.ts` replays the same
 * rules through msw, `mock.fetch` and the demo server and demands identical answers.
 */
import { getResponse } from 'msw'
import {
  DOCUMENTED_KEY_VALUE,
  ERROR_MESSAGES,
  SCENARIO_HEADER,
  type ApiKey,
  type VoiceableMock,
} from 'voiceable-mock'
import { expect, it } from 'vitest'
import { BASE_URL, call, createTestMock } from './support/call.js'
import { fixture } from './support/fixtures.js'

const at = (iso: string) => () => new Date(iso)
const KEY = { 'X-API-Key': DOCUMENTED_KEY_VALUE }

/** The journal without its monotonic duration. */
const journalOf = (mock: VoiceableMock) =>
  mock.journal.entries().map(({ durationMs: _, ...entry }) => entry)

// ---------------------------------------------------------------------------------------------
// Routing as Rails routes it

it.each(['GET /API_KEYS', 'GET /Api_Keys/1', 'DELETE /API_KEYS/1', 'HEAD /Api_Keys'])(
  'answers %s, a path in the wrong case, with the routing 404',
  async (route) => {
    const res = await call(createTestMock(), route)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-length')).not.toBe('0')
  },
)

it('matches the base path case-sensitively too', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /api_keys', { baseUrl: 'https://api.example.com/API/V1' })
  expect(res.status).toBe(404)
  expect(res.body.error).toBe('route_not_found')
  expect(res.body.errors).toEqual([ERROR_MESSAGES.routeNotFound('GET', '/API/V1/api_keys')])
})

it('collapses repeated slashes', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET //api_keys//1//')
  expect(res.status).toBe(200)
  expect(res.body.data.id).toBe(1)
  expect(mock.journal.last()).toMatchObject({ endpoint: 'getApiKey', keyId: 1 })
})

it('answers HEAD as GET would, with the same headers and no body, journaled as the GET endpoint', async () => {
  const viaGet = createTestMock({ now: at('2024-02-01T00:00:00Z') })
  const viaHead = createTestMock({ now: at('2024-02-01T00:00:00Z') })
  for (const path of ['/api_keys', '/api_keys/1', '/api_keys/2', '/api_keys/1', '/api_keys.json']) {
    const get = await call(viaGet, `GET ${path}`)
    const head = await call(viaHead, `HEAD ${path}`)
    expect(head.status, path).toBe(get.status)
    expect(Object.fromEntries(head.headers), path).toEqual(Object.fromEntries(get.headers))
    expect(head.text, path).toBe('')
  }
  // The journal: the GET endpoint, method HEAD, and the body GET sent (the wire carried none).
  expect(journalOf(viaHead)).toEqual(
    journalOf(viaGet).map((entry) => ({ ...entry, method: 'HEAD' })),
  )
  expect(viaHead.journal.entries().map((entry) => entry.endpoint)).toEqual([
    'listApiKeys',
    'getApiKey',
    'getApiKey',
    'getApiKey',
    'listApiKeys',
  ])
})

it('answers HEAD on an unknown path with the routing 404 that names HEAD, and no body', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'HEAD /nothing')
  expect(res.status).toBe(404)
  expect(res.text).toBe('')
  const journaled = mock.journal.last()
  expect(journaled).toMatchObject({ endpoint: 'unknownRoute', method: 'HEAD' })
  expect(journaled?.response).toMatchObject({
    errors: [ERROR_MESSAGES.routeNotFound('HEAD', '/api/v1/nothing')],
  })
  expect(res.headers.get('content-length')).toBe(
    String(Buffer.byteLength(JSON.stringify(journaled?.response))),
  )
})

it('counts HEAD requests against the rate limit', async () => {
  const mock = createTestMock({ rateLimit: { limit: 2, windowSeconds: 60 } })
  expect((await call(mock, 'HEAD /api_keys')).headers.get('x-ratelimit-remaining')).toBe('1')
  expect((await call(mock, 'HEAD /api_keys/1')).headers.get('x-ratelimit-remaining')).toBe('0')
  const limited = await call(mock, 'HEAD /api_keys')
  expect(limited.status).toBe(429)
  expect(limited.headers.get('retry-after')).not.toBeNull()
  expect(limited.text).toBe('')
})

it('answers PATCH on a key as the same update as PUT, journaled under updateApiKey', async () => {
  const viaPut = createTestMock({ now: at('2024-01-15T11:00:00Z') })
  const viaPatch = createTestMock({ now: at('2024-01-15T11:00:00Z') })
  const json = fixture('update-api-key.request.json')
  const put = await call(viaPut, 'PUT /api_keys/1', { json })
  const patch = await call(viaPatch, 'PATCH /api_keys/1', { json })
  expect(patch.status).toBe(200)
  expect(patch.text).toBe(put.text)
  expect(patch.text).toBe(JSON.stringify(fixture('update-api-key.response.json')))
  expect(viaPatch.snapshot()).toEqual(viaPut.snapshot())
  expect(viaPatch.journal.last()).toMatchObject({ endpoint: 'updateApiKey', method: 'PATCH' })
})

it('has no PATCH on the collection', async () => {
  const res = await call(createTestMock(), 'PATCH /api_keys', { json: { api_key: { name: 'x' } } })
  expect(res.status).toBe(404)
  expect(res.body.error).toBe('route_not_found')
})

it('accepts a format suffix on every route, and answers JSON whatever it names', async () => {
  const mock = createTestMock()
  expect((await call(mock, 'GET /api_keys.json')).body.data[0].id).toBe(1)
  expect((await call(mock, 'GET /api_keys/1.json')).body.data.id).toBe(1)
  const xml = await call(mock, 'GET /api_keys/1.xml')
  expect(xml.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(xml.body.data.id).toBe(1)
  const created = await call(mock, 'POST /api_keys.json', {
    json: { api_key: { name: 'x', key_type: 'private' } },
  })
  expect(created.status).toBe(201)
  expect((await call(mock, `DELETE /api_keys/${created.body.data.id}.json`)).status).toBe(200)
  // One format at most, and never empty: no route holds these.
  for (const route of ['GET /api_keys/1.5.json', 'GET /api_keys.json.json', 'GET /api_keys/1.'])
    expect((await call(mock, route)).body.error, route).toBe('route_not_found')
})

it('answers HEAD and PATCH through the handler of the endpoint they route to (handlersByEndpoint)', async () => {
  const mock = createTestMock()
  const only = (name: keyof VoiceableMock['handlersByEndpoint']) => mock.handlersByEndpoint[name]
  const send = (name: keyof VoiceableMock['handlersByEndpoint'], method: string, path: string) =>
    getResponse(
      only(name),
      new Request(`${BASE_URL}${path}`, {
        method,
        headers: { ...KEY, 'Content-Type': 'application/json' },
        ...(method === 'PATCH' ? { body: '{"api_key":{"name":"Patched"}}' } : {}),
      }),
    )
  expect((await send('getApiKey', 'HEAD', '/api_keys/1'))?.status).toBe(200)
  expect((await send('getApiKey', 'GET', '/api_keys//1.json'))?.status).toBe(200)
  expect((await send('listApiKeys', 'HEAD', '/api_keys.json'))?.status).toBe(200)
  expect((await send('updateApiKey', 'PATCH', '/api_keys/1'))?.status).toBe(200)
  // Each handler answers only its own endpoint's requests.
  expect(await send('listApiKeys', 'HEAD', '/api_keys/1')).toBeUndefined()
  expect(await send('updateApiKey', 'PATCH', '/api_keys')).toBeUndefined()
  expect(mock.journal.entries().map(({ endpoint, method }) => `${method} ${endpoint}`)).toEqual([
    'HEAD getApiKey',
    'GET getApiKey',
    'HEAD listApiKeys',
    'PATCH updateApiKey',
  ])
})

it('answers HEAD through mock.fetch with the GET headers and no body', async () => {
  const mock = createTestMock()
  const get = await mock.fetch(`${BASE_URL}/api_keys/1`, { headers: KEY })
  const head = await mock.fetch(`${BASE_URL}/api_keys/1`, { method: 'HEAD', headers: KEY })
  expect(head.status).toBe(200)
  expect(head.headers.get('content-length')).toBe(get.headers.get('content-length'))
  expect(head.body).toBeNull()
})

// ---------------------------------------------------------------------------------------------
// Ids as ActiveRecord casts them

it.each(['01', '1abc', '1e3', '1.5', '1.json', '%31', '1%20'])(
  'reads the path id %j as key 1',
  async (id) => {
    const mock = createTestMock()
    const res = await call(mock, `GET /api_keys/${id}`)
    expect(res.status).toBe(200)
    expect(res.body.data.id).toBe(1)
    expect(mock.journal.last()?.keyId).toBe(1)
  },
)

it.each(['abc', '-1', '0', '0x1', '.json', '9007199254740993', '99999999999999999999'])(
  'answers the path id %j with the same 404 as a missing key',
  async (id) => {
    const mock = createTestMock()
    const missing = await call(mock, 'GET /api_keys/424242')
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const res = await call(mock, `${method} /api_keys/${id}`, {
        json: { api_key: { name: 'x' } },
      })
      expect(res.status, method).toBe(404)
      expect(res.text, method).toBe(missing.text)
    }
    expect(mock.journal.last()?.keyId).toBeNull()
  },
)

it("casts another user's id all the same, and still answers the missing-key 404", async () => {
  const mock = createTestMock()
  const foreign = mock.store.listApiKeys(2)[0]?.id
  expect(foreign).toBeDefined()
  expect((await call(mock, `GET /api_keys/0${foreign}abc`)).body.errors).toEqual([
    ERROR_MESSAGES.apiKeyNotFound,
  ])
})

// ---------------------------------------------------------------------------------------------
// Request fields as strong parameters and ActiveRecord cast them

/** Creates a key with these fields (and a name and key type unless given); the 201's data. */
async function created(mock: VoiceableMock, fields: Record<string, unknown>) {
  const res = await call(mock, 'POST /api_keys', {
    json: { api_key: { name: 'Cast', key_type: 'private', ...fields } },
  })
  expect(res.status, res.text).toBe(201)
  return res.body.data as ApiKey
}

it.each([
  [5, '5'],
  [1.5, '1.5'],
  [true, 't'],
  [false, 'f'],
])('stores the name %j as the string %j', async (name, stored) => {
  expect((await created(createTestMock(), { name })).name).toBe(stored)
})

it('casts numbers in the lists to strings and drops their null entries', async () => {
  const data = await created(createTestMock(), {
    allowed_origins: [1, null, 'https://a.example'],
    allowed_assistants: [123, '456', null, 7.5],
  })
  expect(data.allowed_origins).toEqual(['1', 'https://a.example'])
  expect(data.allowed_assistants).toEqual(['123', '456', '7.5'])
})

it.each([
  [false, false],
  [0, false],
  ['0', false],
  ['f', false],
  ['F', false],
  ['false', false],
  ['FALSE', false],
  ['off', false],
  ['OFF', false],
  [true, true],
  [1, true],
  ['true', true],
  ['no', true],
  ['yes', true],
  ['False', true],
  // "" and null count as absent: the default.
  ['', false],
  [null, false],
])('casts transient_assistant %j to %j on create', async (value, stored) => {
  expect(
    (await created(createTestMock(), { transient_assistant: value })).transient_assistant,
  ).toBe(stored)
})

it('leaves transient_assistant unchanged on update, whatever is sent (not permitted there)', async () => {
  const mock = createTestMock()
  const key = mock.store.createApiKey(1, {
    name: 'Flagged',
    key_type: 'private',
    transient_assistant: true,
  })
  for (const value of ['0', false, '', null, 'off'])
    await call(mock, `PUT /api_keys/${key.id}`, {
      json: { api_key: { transient_assistant: value } },
    })
  expect(mock.store.getApiKey(1, key.id)?.transient_assistant).toBe(true)
})

it('drops a field in a shape its permit does not allow, silently', async () => {
  const mock = createTestMock()
  const data = await created(mock, {
    allowed_origins: 'https://a.example',
    allowed_assistants: ['123', { id: '456' }],
    transient_assistant: { on: true },
  })
  expect(data).toMatchObject({
    allowed_origins: [],
    allowed_assistants: [],
    transient_assistant: false,
  })
  // On update, a dropped field is simply not there: nothing changes, and nothing is wrong.
  const before = mock.snapshot()
  const res = await call(mock, 'PUT /api_keys/1', {
    json: { api_key: { name: { first: 'x' }, allowed_origins: 'x', allowed_assistants: [[1]] } },
  })
  expect(res.status).toBe(200)
  expect(mock.snapshot()).toEqual(before)
})

it.each([
  ['missing', {}],
  ['null', { name: null }],
  ['blank', { name: ' \u00a0\t' }],
  ['an object (dropped)', { name: { first: 'Ada' } }],
  ['an array (dropped)', { name: ['Ada'] }],
])('answers a create whose name is %s with "Name can\'t be blank"', async (_, fields) => {
  const res = await call(createTestMock(), 'POST /api_keys', {
    json: { api_key: { key_type: 'private', ...fields } },
  })
  expect(res.status).toBe(422)
  expect(res.body.errors).toEqual(["Name can't be blank"])
})

it('keeps validating key_type with its own message, after the cast', async () => {
  const mock = createTestMock()
  for (const keyType of [5, true, 'PRIVATE', ''])
    expect(
      (await call(mock, 'POST /api_keys', { json: { api_key: { name: 'x', key_type: keyType } } }))
        .body.errors,
      String(keyType),
    ).toEqual(["Key type must be 'private' or 'public'"])
  for (const keyType of [null, { a: 1 }])
    expect(
      (await call(mock, 'POST /api_keys', { json: { api_key: { name: 'x', key_type: keyType } } }))
        .body.errors,
    ).toEqual(["Key type can't be blank"])
})

it('caps no field but the body size: a long name, many and long list entries', async () => {
  const data = await created(createTestMock(), {
    name: 'n'.repeat(10_000),
    allowed_origins: Array.from({ length: 1000 }, (_, i) => `https://${i}.example`),
    allowed_assistants: ['a'.repeat(5000)],
  })
  expect(data.name).toHaveLength(10_000)
  expect(data.allowed_origins).toHaveLength(1000)
})

// ---------------------------------------------------------------------------------------------
// Empty credentials count as absent

it.each([
  ['an empty X-API-Key', { 'X-API-Key': '' }],
  ['a whitespace-only X-API-Key', { 'X-API-Key': ' \t ' }],
])('authenticates with the Bearer token beside %s', async (_, headers) => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'GET /api_keys', { apiKey: null, bearer: token, headers })
  expect(res.status).toBe(200)
  expect(mock.journal.last()?.credential).toBe('jwt')
})

it('authenticates with the X-API-Key beside an Authorization header with no value', async () => {
  const res = await call(createTestMock(), 'GET /api_keys', { headers: { Authorization: '' } })
  expect(res.status).toBe(200)
})

it('answers empty credentials alone like no credentials at all', async () => {
  const mock = createTestMock()
  const none = await call(mock, 'GET /api_keys', { apiKey: null })
  for (const headers of [{ 'X-API-Key': '' }, { Authorization: '' }, { 'X-API-Key': '  ' }]) {
    const res = await call(mock, 'GET /api_keys', { apiKey: null, headers })
    expect(res.status).toBe(401)
    expect(res.body).toEqual(none.body)
    expect(res.body.errors).toEqual([ERROR_MESSAGES.missingCredentials])
  }
  // `Bearer` with no token is a value, and a malformed one.
  const bearer = await call(mock, 'GET /api_keys', {
    apiKey: null,
    headers: { Authorization: 'Bearer' },
  })
  expect(bearer.body.errors).toEqual([ERROR_MESSAGES.malformedAuthorization])
})

// ---------------------------------------------------------------------------------------------
// Journal times and the scenario header

it('stamps journal entries with the mock’s `now`, and measures durations on a monotonic clock', async () => {
  let now = Date.parse('2030-05-05T12:00:00Z')
  const mock = createTestMock({ now: () => new Date(now) })
  await call(mock, 'GET /api_keys')
  now += 90_000
  mock.faults.latency(30, { times: 1 })
  await call(mock, 'GET /api_keys/1')
  const [first, second] = mock.journal.entries()
  expect(first?.time).toBe('2030-05-05T12:00:00.000Z')
  expect(second?.time).toBe('2030-05-05T12:01:30.000Z')
  // The clock stood still during the request; the duration did not.
  expect(second?.durationMs).toBeGreaterThanOrEqual(20)
})

it('resets the store only when the scenario header switches to another scenario', async () => {
  const mock = createTestMock()
  const scenario = (name: string) => ({ headers: { [SCENARIO_HEADER]: name } })
  // A page that sends the current scenario on every request keeps its own writes.
  const created = await call(mock, 'POST /api_keys', {
    ...scenario('documented'),
    json: { api_key: { name: 'Mine', key_type: 'private' } },
  })
  expect(created.status).toBe(201)
  const ids = async (name: string) =>
    (await call(mock, 'GET /api_keys', scenario(name))).body.data.map((key: ApiKey) => key.id)
  expect(await ids('documented')).toContain(created.body.data.id)
  expect(await ids('documented')).toContain(created.body.data.id)
  // Another name switches, and starts that scenario again from its data.
  expect(mock.journal.count()).toBe(3)
  const token = await mock.store.issueToken(1)
  const empty = await call(mock, 'GET /api_keys', {
    ...scenario('empty'),
    apiKey: null,
    bearer: token,
  })
  expect(empty.body.data).toEqual([])
  // The switch also cleared the journal (and rate-limit counts and faults) before this request.
  expect(mock.journal.count()).toBe(1)
  // Back to `documented`: its seeded data again, without the key created before.
  expect(await ids('documented')).not.toContain(created.body.data.id)
})
