import { createVoiceableMock, ERROR_MESSAGES, SUCCESS_MESSAGES } from 'voiceable-mock'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

const at = (iso: string) => () => new Date(iso)

it('creates a key with defaults for omitted optional fields and shows its secret once', async () => {
  const mock = createTestMock({ now: at('2024-03-01T12:00:00Z') })
  const res = await call(mock, 'POST /api_keys', {
    json: { api_key: { name: 'Widget', key_type: 'public' } },
  })
  expect(res.status).toBe(201)
  expect(res.body.status).toEqual({ code: 201, message: SUCCESS_MESSAGES.created })
  expect(res.body.data).toMatchObject({
    key_type: 'public',
    name: 'Widget',
    allowed_origins: [],
    allowed_assistants: [],
    transient_assistant: false,
    user_id: 1,
    user_email: 'user@example.com',
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  })
  expect(res.body.data.key_value).toMatch(/^pk_live_/)
  const id = res.body.data.id
  expect((await call(mock, `GET /api_keys/${id}`)).body.data.key_value).toBeNull()
  const list = await call(mock, 'GET /api_keys')
  expect(list.body.data.every((key: { key_value: unknown }) => key.key_value === null)).toBe(true)
  expect(list.body.data.map((key: { id: number }) => key.id)).toEqual([1, id])
})

it('creates a key whose secret authenticates as its owner', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'POST /api_keys', {
    json: { api_key: { name: 'Server', key_type: 'private', transient_assistant: true } },
  })
  expect(res.body.data.transient_assistant).toBe(true)
  const list = await call(mock, 'GET /api_keys', { apiKey: res.body.data.key_value })
  expect(list.status).toBe(200)
  expect(list.body.data.map((key: { id: number }) => key.id)).toContain(res.body.data.id)
})

it('ignores fields create does not accept, as strong parameters would', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'POST /api_keys', {
    json: {
      api_key: {
        name: 'x',
        key_type: 'private',
        id: 77,
        user_id: 2,
        key_value: 'mine',
        created_at: '2000-01-01T00:00:00Z',
      },
      extra: 1,
    },
  })
  expect(res.status).toBe(201)
  expect(res.body.data.id).not.toBe(77)
  expect(res.body.data.user_id).toBe(1)
  expect(res.body.data.key_value).not.toBe('mine')
})

it('updates only name and arrays, replacing the arrays, and ignores other fields', async () => {
  const mock = createTestMock({ now: at('2024-02-02T00:00:00Z') })
  const res = await call(mock, 'PUT /api_keys/1', {
    json: {
      api_key: {
        allowed_assistants: ['9'],
        key_type: 'public',
        transient_assistant: true,
        user_id: 2,
      },
    },
  })
  expect(res.status).toBe(200)
  expect(res.body.status.message).toBe(SUCCESS_MESSAGES.updated)
  expect(res.body.data).toMatchObject({
    name: 'Production API Key',
    key_type: 'private',
    allowed_origins: ['https://example.com'],
    allowed_assistants: ['9'],
    transient_assistant: false,
    user_id: 1,
    key_value: null,
    created_at: '2024-01-10T08:00:00Z',
    updated_at: '2024-02-02T00:00:00Z',
  })
})

it('keeps updated_at when an update changes nothing', async () => {
  const mock = createTestMock({ now: at('2024-02-02T00:00:00Z') })
  const res = await call(mock, 'PUT /api_keys/1', {
    json: { api_key: { name: 'Production API Key' } },
  })
  expect(res.status).toBe(200)
  expect(res.body.data.updated_at).toBe('2024-01-10T08:00:00Z')
})

it('deletes with a status-only body, then the id is 404', async () => {
  const mock = createTestMock()
  const created = mock.store.createApiKey(1, { name: 'temp', key_type: 'private' })
  const res = await call(mock, `DELETE /api_keys/${created.id}`)
  expect(res.body).toEqual({ status: { code: 200, message: SUCCESS_MESSAGES.deleted } })
  expect((await call(mock, `GET /api_keys/${created.id}`)).status).toBe(404)
  expect((await call(mock, `DELETE /api_keys/${created.id}`)).status).toBe(404)
  expect((await call(mock, 'GET /api_keys', { apiKey: created.key_value })).status).toBe(401)
})

it.each([
  '0',
  '-1',
  '0x1',
  'abc',
  '',
  '99999999999999999999',
  '9007199254740993',
  '%00',
  '%E2%9C%93',
])('answers 404 for the id %j on every id route', async (id) => {
  const mock = createTestMock()
  for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
    const res = await call(mock, `${method} /api_keys/${id}.json`, {
      json: { api_key: { name: 'x' } },
    })
    expect(res.status, method).toBe(404)
    expect(res.body.errors).toEqual([ERROR_MESSAGES.apiKeyNotFound])
  }
  expect(mock.store.getApiKey(1, 1)?.name).toBe('Production API Key')
})

it.each(['01', '1abc', '1e3', '1.5', '1.json', '%31', '0001.json'])(
  'reads the id %j as key 1, as ActiveRecord casts it',
  async (id) => {
    const mock = createTestMock()
    expect((await call(mock, `GET /api_keys/${id}`)).body.data.id).toBe(1)
    const renamed = await call(mock, `PUT /api_keys/${id}`, { json: { api_key: { name: id } } })
    expect(renamed.body.data).toMatchObject({ id: 1, name: id })
    expect((await call(mock, `DELETE /api_keys/${id}`)).status).toBe(200)
    expect(mock.store.getApiKey(1, 1)).toBeUndefined()
  },
)

it.each([
  ['an empty body', undefined, [ERROR_MESSAGES.missingWrapper('api_key')]],
  ['an empty object', {}, [ERROR_MESSAGES.missingWrapper('api_key')]],
  ['no wrapper', { name: 'x', key_type: 'private' }, [ERROR_MESSAGES.missingWrapper('api_key')]],
  ['a null wrapper', { api_key: null }, [ERROR_MESSAGES.missingWrapper('api_key')]],
  ['an empty wrapper', { api_key: {} }, [ERROR_MESSAGES.missingWrapper('api_key')]],
  ['a wrapper that is a string', { api_key: 'x' }, [ERROR_MESSAGES.wrapperNotObject('api_key')]],
  ['a wrapper that is an array', { api_key: [1] }, [ERROR_MESSAGES.wrapperNotObject('api_key')]],
  ['a top-level array', [{ api_key: {} }], [ERROR_MESSAGES.missingWrapper('api_key')]],
  [
    'a missing name and key_type',
    { api_key: { allowed_origins: [] } },
    ["Name can't be blank", "Key type can't be blank"],
  ],
  ['a blank name', { api_key: { name: '   ', key_type: 'private' } }, ["Name can't be blank"]],
  ['a null name', { api_key: { name: null, key_type: 'private' } }, ["Name can't be blank"]],
  [
    'a name in a shape strong parameters drop',
    { api_key: { name: { first: 'x' }, key_type: 'private' } },
    ["Name can't be blank"],
  ],
  [
    'an unknown key_type',
    { api_key: { name: 'x', key_type: 'secret' } },
    ["Key type must be 'private' or 'public'"],
  ],
  ['a null key_type', { api_key: { name: 'x', key_type: null } }, ["Key type can't be blank"]],
  [
    'a number key_type',
    { api_key: { name: 'x', key_type: 1 } },
    ["Key type must be 'private' or 'public'"],
  ],
])('answers 422 to a create with %s, listing every problem', async (_label, json, errors) => {
  const mock = createTestMock()
  const before = mock.snapshot()
  const res = await call(
    mock,
    'POST /api_keys',
    json === undefined ? { headers: { 'Content-Type': 'application/json' } } : { json },
  )
  expect(res.status).toBe(422)
  expect(res.body).toEqual({
    status: { code: 422, message: `Validation failed: ${errors.join(', ')}` },
    error: 'validation_failed',
    errors,
  })
  expect(mock.snapshot()).toEqual(before)
})

it('answers 422 to an update with a blank or null name, and changes nothing', async () => {
  const mock = createTestMock()
  for (const name of ['', ' \t', null]) {
    const res = await call(mock, 'PUT /api_keys/1', {
      json: { api_key: { name, allowed_origins: ['https://new.example'] } },
    })
    expect(res.status).toBe(422)
    expect(res.body.errors).toEqual(["Name can't be blank"])
  }
  expect(mock.store.getApiKey(1, 1)?.allowed_origins).toEqual(['https://example.com'])
})

it('answers 404 before 422 when updating a missing key with a bad body', async () => {
  const mock = createTestMock()
  expect(
    (await call(mock, 'PUT /api_keys/424242', { json: { api_key: { name: '' } } })).status,
  ).toBe(404)
})

it('answers 400 to malformed JSON', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'POST /api_keys', {
    body: '{"api_key": {',
    headers: { 'Content-Type': 'application/json' },
  })
  expect(res.status).toBe(400)
  expect(res.body.status).toEqual({ code: 400, message: 'Bad Request' })
  expect(res.body.error).toBe('invalid_json')
})

it('answers 422 with a hint when the body is not sent as JSON', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'POST /api_keys', {
    body: JSON.stringify({ api_key: { name: 'x', key_type: 'private' } }),
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
  })
  expect(res.status).toBe(422)
  expect(res.body.errors).toEqual([
    ERROR_MESSAGES.missingWrapper('api_key'),
    ERROR_MESSAGES.notJsonContentType('text/plain;charset=UTF-8'),
  ])
})

it('accepts a JSON body with a charset or a +json content type', async () => {
  const mock = createTestMock()
  for (const type of ['application/json; charset=utf-8', 'application/vnd.api+json']) {
    const res = await call(mock, 'POST /api_keys', {
      json: { api_key: { name: 'x', key_type: 'private' } },
      headers: { 'Content-Type': type },
    })
    expect(res.status, type).toBe(201)
  }
})

it('answers 413 to a body over the limit and keeps the store unchanged', async () => {
  const mock = createTestMock({ maxBodyBytes: 1000 })
  const before = mock.snapshot()
  const res = await call(mock, 'POST /api_keys', {
    json: { api_key: { name: 'x'.repeat(2000), key_type: 'private' } },
  })
  expect(res.status).toBe(413)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.payloadTooLarge(1000)])
  expect(mock.snapshot()).toEqual(before)
})

it('does not let __proto__ or constructor keys pollute anything', async () => {
  const mock = createTestMock()
  const body =
    '{"api_key":{"name":"x","key_type":"private","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}'
  const res = await call(mock, 'POST /api_keys', {
    body,
    headers: { 'Content-Type': 'application/json' },
  })
  expect(res.status).toBe(201)
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  expect(Object.keys(res.body.data)).not.toContain('polluted')
})

it('answers unknown paths and methods under the base URL with the API 404', async () => {
  const mock = createTestMock()
  for (const route of [
    'PATCH /api_keys',
    'GET /API_KEYS',
    'GET /Api_Keys/1',
    'GET /api_keys/1.5.json',
    'GET /webhooks',
    'PUT /campaigns/1',
    'POST /api_keys/1',
    'GET /api_keys/1/rotate',
  ]) {
    const res = await call(mock, route)
    expect(res.status, route).toBe(404)
    expect(res.body.error).toBe('route_not_found')
    expect(res.body.errors).toEqual([
      ERROR_MESSAGES.routeNotFound(route.split(' ')[0] ?? '', `/api/v1${route.split(' ')[1]}`),
    ])
  }
})

it('leaves unknown routes to msw with unknownRoutes passthrough', async () => {
  const mock = createTestMock({ unknownRoutes: 'passthrough' })
  await expect(call(mock, 'GET /webhooks')).rejects.toThrow(/No handler answered/)
})

it('answers on the real backend prefix, on a custom base URL and with a trailing slash', async () => {
  const mock = createTestMock()
  expect(
    (await call(mock, 'GET /api_keys/1', { baseUrl: 'https://api.voiceable.dev/voiceable-api' }))
      .status,
  ).toBe(200)
  const custom = createTestMock({ baseUrl: 'https://voiceable.test/voiceable-api/' })
  expect(
    (await call(custom, 'GET /api_keys/1', { baseUrl: 'https://voiceable.test/voiceable-api' }))
      .status,
  ).toBe(200)
  await expect(call(custom, 'GET /api_keys/1')).rejects.toThrow(/No handler answered/)
})

it('sends JSON with the charset Rails sends', async () => {
  const res = await call(createTestMock(), 'GET /api_keys')
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
})

it('reveals key secrets in list and get with revealKeyValues, as the web app expects, and masks them in the journal', async () => {
  // Not createTestMock: its wire-format check holds every read to the documented `null`.
  const mock = createVoiceableMock({ revealKeyValues: true })
  const list = await call(mock, 'GET /api_keys')
  expect(list.body.data.map((key: { key_value: string }) => key.key_value)).toEqual([
    'your-api-key-here',
  ])
  const one = await call(mock, 'GET /api_keys/1')
  expect(one.body.data.key_value).toBe('your-api-key-here')
  // Update keeps the documented null: the web app never reads it there.
  const updated = await call(mock, 'PUT /api_keys/1', { json: { api_key: { name: 'x' } } })
  expect(updated.body.data.key_value).toBeNull()
  const journal = JSON.stringify(mock.journal.entries())
  expect(journal).not.toContain('your-api-key-here')
  expect(mock.journal.entries()[0]?.response).toMatchObject({
    data: [{ key_value: '********' }],
  })
})

it('keeps the documented null in list and get by default', async () => {
  const mock = createTestMock()
  expect((await call(mock, 'GET /api_keys')).body.data[0].key_value).toBeNull()
  expect((await call(mock, 'GET /api_keys/1')).body.data.key_value).toBeNull()
})

it.each([
  'http://localhost:3000/api/v1',
  'http://localhost:3000/voiceable-api',
  'https://api.example.com/api/v1',
  'https://api.voiceable.dev/voiceable-api',
])('answers under %s with no configuration', async (baseUrl) => {
  const res = await call(createTestMock(), 'GET /api_keys/1', { baseUrl })
  expect(res.status).toBe(200)
})
