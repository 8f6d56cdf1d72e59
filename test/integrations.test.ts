import { ERROR_MESSAGES, SUCCESS_MESSAGES, type VoiceableMock } from 'voiceable-mock'
import { IntegrationSchema, ListIntegrationSchemasResponseSchema } from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { fixture } from './support/fixtures.js'

const at = (iso: string) => () => new Date(iso)
const NOT_FOUND = {
  status: { code: 404, message: 'Integration not found' },
  error: 'integration_not_found',
  errors: ['Integration not found'],
}
const field = (template: string, name: string) => template.replace('{field}', name)
const blank = (name: string) => field(ERROR_MESSAGES.integrationConfigFieldBlank, name)
const invalid = (errors: string[]) => ({
  status: { code: 422, message: `Validation failed: ${errors.join(', ')}` },
  error: 'validation_failed',
  errors,
})
const create = (mock: VoiceableMock, integration: unknown, apiKey?: string) =>
  call(mock, 'POST /integrations', { json: { integration }, ...(apiKey ? { apiKey } : {}) })
const secretOf = (mock: VoiceableMock, userId: number, type: string) =>
  mock.store.getIntegration(userId, type, { revealSecrets: true })?.config

it("lists the caller's integrations in id order, secrets masked", async () => {
  const mock = createTestMock({ scenario: 'empty' })
  for (const integration_type of ['twilio', 'openai', 'calcom'] as const)
    mock.store.createIntegration(1, {
      integration_type,
      config: integration_type === 'twilio' ? {} : { api_key: `cal_live_${integration_type}` },
    })
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'GET /integrations', { bearer: token })
  expect(res.status).toBe(200)
  expect(res.body.data.map((item: { id: number }) => item.id)).toEqual([1, 2, 3])
  expect(res.body.data.map((item: { config: unknown }) => item.config)).toEqual([
    {},
    { api_key: 'cal_***' },
    { api_key: 'cal_***' },
  ])
  for (const item of res.body.data) expect(IntegrationSchema.parse(item)).toEqual(item)
})

it('lists every type with its fields at GET /integrations/schemas, routed before /{integrationType}', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /integrations/schemas')
  expect(res.status).toBe(200)
  expect(mock.journal.last()?.endpoint).toBe('listIntegrationSchemas')
  expect(ListIntegrationSchemasResponseSchema.parse(res.body)).toEqual(res.body)
  const items = res.body.data as { type: string; required: string[]; auth_type?: string }[]
  expect(items.map((item) => item.type)).toEqual([
    'elevenlabs',
    'openai',
    'anthropic',
    'hubspot',
    'salesforce',
    'pipedrive',
    'kommo',
    'gohighlevel',
    'google_calendar',
    'outlook_calendar',
    'calendly',
    'calcom',
    'twilio',
  ])
  // The documented schema of elevenlabs, with `type` in front; `auth_type` last, OAuth types only.
  expect(JSON.stringify(items[0])).toBe(
    JSON.stringify({ type: 'elevenlabs', ...fixture('integration.example.json').schema }),
  )
  expect(Object.keys(items[8] ?? {})).toEqual([
    'type',
    'required',
    'optional',
    'fields',
    'auth_type',
  ])
  expect(items.filter((item) => item.auth_type === 'oauth').map((item) => item.type)).toEqual([
    'google_calendar',
    'outlook_calendar',
    'calendly',
  ])
  expect(items.find((item) => item.type === 'twilio')).toEqual({
    type: 'twilio',
    required: [],
    optional: [],
    fields: {},
  })
  // The same with a format suffix and as HEAD; a write to `schemas` is an update of a type
  // named `schemas`, which nobody has, as Rails routes a `collection` action.
  expect((await call(mock, 'GET /integrations/schemas.json')).body).toEqual(res.body)
  expect((await call(mock, 'HEAD /integrations/schemas')).status).toBe(200)
  expect(
    (await call(mock, 'PUT /integrations/schemas', { json: { integration: {} } })).body,
  ).toEqual(NOT_FOUND)
  expect((await call(mock, 'POST /integrations/schemas')).status).toBe(404)
  expect((await call(mock, 'GET /integrations/schemas', { apiKey: null })).status).toBe(401)
})

it('creates an integration: 201, secrets masked, the next id, stamped now', async () => {
  const mock = createTestMock({ now: at('2024-03-01T12:00:00Z') })
  const res = await create(mock, {
    integration_type: 'pipedrive',
    config: { api_key: 'pd_0123456789abcdef', company_domain: 'acme' },
  })
  expect(res.status).toBe(201)
  expect(res.body.status).toEqual({ code: 201, message: SUCCESS_MESSAGES.integrationCreated })
  const id = mock.snapshot().next_integration_id - 1
  expect(res.body.data).toEqual({
    id,
    integration_type: 'pipedrive',
    config: { api_key: 'pd_***', company_domain: 'acme' },
    schema: {
      required: ['api_key'],
      optional: ['company_domain'],
      fields: expect.objectContaining({ api_key: expect.objectContaining({ type: 'password' }) }),
    },
    user_id: 1,
    user_email: 'user@example.com',
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  })
  // The schema of the type, without `type` and `auth_type`.
  expect(Object.keys(res.body.data.schema)).toEqual(['required', 'optional', 'fields'])
  expect((await call(mock, 'GET /integrations/pipedrive')).body.data).toEqual(res.body.data)
  expect(secretOf(mock, 1, 'pipedrive')).toEqual({
    api_key: 'pd_0123456789abcdef',
    company_domain: 'acme',
  })
})

it('keeps only the fields of the type, in its order, as strong parameters would; numbers stay numbers', async () => {
  const mock = createTestMock()
  const res = await create(mock, {
    config: { extra: 'x', base_url: 'https://cal.example', api_key: 42 },
    integration_type: 'calcom',
    id: 99,
    user_id: 2,
  })
  expect(res.status).toBe(201)
  expect(res.body.data.id).not.toBe(99)
  expect(res.body.data.user_id).toBe(1)
  expect(JSON.stringify(res.body.data.config)).toBe(
    '{"api_key":"***","base_url":"https://cal.example"}',
  )
  expect(secretOf(mock, 1, 'calcom')).toEqual({ api_key: 42, base_url: 'https://cal.example' })
})

it.each([
  [
    'an unknown type',
    { integration_type: 'zapier', config: { api_key: 'x' } },
    [ERROR_MESSAGES.integrationTypeUnknown],
  ],
  [
    'a type in other case',
    { integration_type: 'ElevenLabs', config: { api_key: 'x' } },
    [ERROR_MESSAGES.integrationTypeUnknown],
  ],
  [
    'no type and no config',
    { name: 'x' },
    [
      ERROR_MESSAGES.integrationTypeBlank,
      ERROR_MESSAGES.integrationTypeUnknown,
      ERROR_MESSAGES.integrationConfigBlank,
    ],
  ],
  [
    'a config that is not an object',
    { integration_type: 'openai', config: 'sk-abc' },
    [ERROR_MESSAGES.integrationConfigBlank],
  ],
  ['no api_key', { integration_type: 'openai', config: {} }, [blank('api_key')]],
  [
    'a blank api_key',
    { integration_type: 'anthropic', config: { api_key: '  ' } },
    [blank('api_key')],
  ],
  [
    'a null api_key',
    { integration_type: 'anthropic', config: { api_key: null } },
    [blank('api_key')],
  ],
  [
    'an api_key that is not text',
    { integration_type: 'openai', config: { api_key: { value: 'sk-abc' } } },
    [field(ERROR_MESSAGES.integrationConfigFieldNotText, 'api_key')],
  ],
  [
    'every required field missing',
    { integration_type: 'salesforce', config: { client_id: 'abc' } },
    [blank('instance_url'), blank('client_secret')],
  ],
  [
    'a type the caller already has',
    { integration_type: 'elevenlabs', config: { api_key: 'sk_2' } },
    [ERROR_MESSAGES.integrationTypeTaken],
  ],
  [
    'a taken type and a missing field',
    { integration_type: 'elevenlabs', config: {} },
    [ERROR_MESSAGES.integrationTypeTaken, blank('api_key')],
  ],
])(
  'refuses a create with %s: 422 listing every problem in Rails words',
  async (_label, body, errors) => {
    const mock = createTestMock()
    const before = mock.store.countIntegrations()
    const res = await create(mock, body)
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(errors))
    expect(mock.store.countIntegrations()).toBe(before)
  },
)

it('refuses a create without the integration wrapper with 422', async () => {
  const res = await call(createTestMock(), 'POST /integrations', {
    json: { integration_type: 'x' },
  })
  expect(res.body).toEqual(invalid([ERROR_MESSAGES.missingWrapper('integration')]))
})

it('answers the documented words for the messages it chose', () => {
  expect(ERROR_MESSAGES).toMatchObject({
    integrationNotFound: 'Integration not found',
    integrationTypeBlank: "Integration type can't be blank",
    integrationTypeUnknown: 'Integration type is not included in the list',
    integrationTypeTaken: 'Integration type has already been taken',
    integrationConfigBlank: "Config can't be blank",
  })
  expect(blank('api_key')).toBe("Config api_key can't be blank")
  expect(SUCCESS_MESSAGES).toMatchObject({
    integrationCreated: 'Integration created successfully',
    integrationUpdated: 'Integration updated successfully',
    integrationDeleted: 'Integration deleted successfully',
  })
})

it('gets one integration by type; a missing, unknown or empty type is 404', async () => {
  const mock = createTestMock()
  expect((await call(mock, 'GET /integrations/elevenlabs.json')).body.data.id).toBe(1)
  for (const path of ['/integrations/openai', '/integrations/nope', '/integrations/Elevenlabs']) {
    const res = await call(mock, `GET ${path}`)
    expect(res.status, path).toBe(404)
    expect(res.body, path).toEqual(NOT_FOUND)
  }
  expect((await call(mock, 'GET /integrations/.json')).body).toEqual(NOT_FOUND)
  // A percent-encoded type is the type (`google%5Fcalendar` is `google_calendar`).
  mock.store.createIntegration(1, {
    integration_type: 'google_calendar',
    config: { access_token: 't' },
  })
  expect((await call(mock, 'GET /integrations/google%5Fcalendar')).status).toBe(200)
})

it('merges an update into the stored config: the keys sent, nothing else; PATCH alike', async () => {
  const mock = createTestMock({ scenario: 'empty', now: at('2024-02-01T00:00:00Z') })
  mock.store.createIntegration(1, {
    integration_type: 'kommo',
    config: { subdomain: 'acme', api_key: 'lt_first' },
  })
  const token = await mock.store.issueToken(1)
  const send = (method: 'PUT' | 'PATCH', config: unknown) =>
    call(mock, `${method} /integrations/kommo`, {
      bearer: token,
      json: { integration: { config } },
    })
  const res = await send('PUT', { subdomain: 'beta' })
  expect(res.status).toBe(200)
  expect(res.body.status).toEqual({ code: 200, message: SUCCESS_MESSAGES.integrationUpdated })
  expect(res.body.data.config).toEqual({ subdomain: 'beta', api_key: 'lt_***' })
  expect(secretOf(mock, 1, 'kommo')).toEqual({ subdomain: 'beta', api_key: 'lt_first' })
  await send('PATCH', { api_key: 'lt_second' })
  expect(secretOf(mock, 1, 'kommo')).toEqual({ subdomain: 'beta', api_key: 'lt_second' })
  expect(mock.journal.last()).toMatchObject({ endpoint: 'updateIntegration', method: 'PATCH' })
  // Fields the type lacks, the type itself, and a config that is not an object are ignored.
  const ignored = await call(mock, 'PUT /integrations/kommo', {
    bearer: token,
    json: { integration: { integration_type: 'openai', config: { other: 1 } } },
  })
  expect(ignored.body.data).toMatchObject({
    integration_type: 'kommo',
    config: { subdomain: 'beta' },
  })
  expect((await send('PUT', 'text')).status).toBe(200)
  expect(secretOf(mock, 1, 'kommo')).toEqual({ subdomain: 'beta', api_key: 'lt_second' })
})

it('keeps the stored secret when the mask is sent back, and moves updated_at only on a change', async () => {
  let now = new Date('2024-01-15T11:00:00Z')
  const mock = createTestMock({ now: () => now })
  const update = (config: unknown) =>
    call(mock, 'PUT /integrations/elevenlabs', { json: { integration: { config } } })
  // What the web app sends when nothing changed, and what it read back.
  for (const config of [{}, { api_key: 'sk_***' }]) {
    const res = await update(config)
    expect(res.status).toBe(200)
    expect(res.body.data.updated_at).toBe('2024-01-10T08:00:00Z')
  }
  expect(secretOf(mock, 1, 'elevenlabs')).toEqual({ api_key: 'sk_your_elevenlabs_key' })
  // The same secret again is no change either; another mask is a new secret.
  expect((await update({ api_key: 'sk_your_elevenlabs_key' })).body.data.updated_at).toBe(
    '2024-01-10T08:00:00Z',
  )
  const changed = await update({ api_key: '***' })
  expect(changed.body.data).toMatchObject({
    config: { api_key: '***' },
    updated_at: '2024-01-15T11:00:00Z',
  })
  now = new Date('2023-01-01T00:00:00Z')
  expect((await update({ api_key: 'sk_back' })).body.data.updated_at).toBe('2024-01-15T11:00:00Z')
})

it('refuses an update that blanks a required field, and answers 404 before reading the body', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'PUT /integrations/elevenlabs', {
    json: { integration: { config: { api_key: '' } } },
  })
  expect(res.body).toEqual(invalid([blank('api_key')]))
  expect(secretOf(mock, 1, 'elevenlabs')).toEqual({ api_key: 'sk_your_elevenlabs_key' })
  const missing = await call(mock, 'PUT /integrations/openai', { body: '{not json' })
  expect(missing.body).toEqual(NOT_FOUND)
  const noWrapper = await call(mock, 'PUT /integrations/elevenlabs', { json: { config: {} } })
  expect(noWrapper.body).toEqual(invalid([ERROR_MESSAGES.missingWrapper('integration')]))
  const optional = mock.store.createIntegration(1, {
    integration_type: 'gohighlevel',
    config: { api_key: 'ghl_1', location_id: 'loc' },
  })
  expect(optional.config).toEqual({ api_key: 'ghl_***', location_id: 'loc' })
  const cleared = await call(mock, 'PUT /integrations/gohighlevel', {
    json: { integration: { config: { location_id: null } } },
  })
  expect(cleared.body.data.config).toEqual({ api_key: 'ghl_***' })
})

it('deletes an integration with status only; it is gone, and the type can be connected again', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'DELETE /integrations/elevenlabs')
  expect(res.status).toBe(200)
  expect(res.text).toBe('{"status":{"code":200,"message":"Integration deleted successfully"}}')
  expect((await call(mock, 'GET /integrations/elevenlabs')).body).toEqual(NOT_FOUND)
  expect((await call(mock, 'DELETE /integrations/elevenlabs')).body).toEqual(NOT_FOUND)
  const again = await create(mock, fixture('create-integration.request.json').integration)
  expect(again.status).toBe(201)
  expect(again.body.data.id).toBe(mock.snapshot().next_integration_id - 1)
  expect(again.body.data.id).toBeGreaterThan(1)
})

it("cannot see or touch another user's integration of the same type", async () => {
  const mock = createTestMock()
  const other = mock.store.createUser({ email: 'other@example.com' })
  expect((await call(mock, 'GET /integrations', { apiKey: other.apiKey })).body.data).toEqual([])
  for (const route of [
    'GET /integrations/elevenlabs',
    'PUT /integrations/elevenlabs',
    'DELETE /integrations/elevenlabs',
  ]) {
    const res = await call(mock, route, {
      apiKey: other.apiKey,
      json: { integration: { config: { api_key: 'sk_stolen' } } },
    })
    expect(res.body, route).toEqual(NOT_FOUND)
  }
  const own = await create(
    mock,
    { integration_type: 'elevenlabs', config: { api_key: 'sk_o' } },
    other.apiKey,
  )
  expect(own.status).toBe(201)
  expect(own.body.data.user_id).toBe(other.id)
  expect(secretOf(mock, 1, 'elevenlabs')).toEqual({ api_key: 'sk_your_elevenlabs_key' })
  expect(secretOf(mock, other.id, 'elevenlabs')).toEqual({ api_key: 'sk_o' })
})

it('holds public keys to publicKeyAccess and requires a credential on every integration endpoint', async () => {
  const forbidden = createTestMock()
  const publicKey = forbidden.store.createApiKey(1, { name: 'W', key_type: 'public' }).key_value
  const denied = await call(forbidden, 'GET /integrations', { apiKey: publicKey })
  expect(denied.status).toBe(403)
  const readOnly = createTestMock({ publicKeyAccess: 'read-only' })
  const readKey = readOnly.store.createApiKey(1, { name: 'W', key_type: 'public' }).key_value
  expect((await call(readOnly, 'GET /integrations/elevenlabs', { apiKey: readKey })).status).toBe(
    200,
  )
  expect((await call(readOnly, 'GET /integrations/schemas', { apiKey: readKey })).status).toBe(200)
  expect(
    (await call(readOnly, 'DELETE /integrations/elevenlabs', { apiKey: readKey })).status,
  ).toBe(403)
  for (const route of [
    'GET /integrations',
    'GET /integrations/schemas',
    'POST /integrations',
    'GET /integrations/elevenlabs',
    'PUT /integrations/elevenlabs',
    'PATCH /integrations/elevenlabs',
    'DELETE /integrations/elevenlabs',
  ])
    expect((await call(createTestMock(), route, { apiKey: null })).status, route).toBe(401)
})

it('journals the type as text and masks secrets in request bodies, text and numbers only', async () => {
  const mock = createTestMock()
  await call(mock, 'GET /integrations/elevenlabs')
  expect(mock.journal.last()).toMatchObject({
    endpoint: 'getIntegration',
    params: { integrationType: 'elevenlabs' },
    keyId: null,
    agentId: null,
  })
  await call(mock, 'GET /integrations/.json')
  expect(mock.journal.last()?.params).toEqual({ integrationType: null })
  await create(mock, {
    integration_type: 'google_calendar',
    config: { access_token: 'ya29.secret', refresh_token: '1//0secret' },
  })
  expect(mock.journal.last()?.body).toEqual({
    integration: {
      integration_type: 'google_calendar',
      config: { access_token: '********', refresh_token: '********' },
    },
  })
  await create(mock, {
    integration_type: 'openai',
    config: { api_key: 7, other: 'x', refresh_token: { a: 1 } },
  })
  expect(mock.journal.last()?.body).toEqual({
    integration: {
      integration_type: 'openai',
      config: { api_key: '********', other: 'x', refresh_token: { a: 1 } },
    },
  })
  // The API-key body's wrapper is an object: kept as it is.
  await call(mock, 'POST /api_keys', { json: { api_key: { name: 'n', key_type: 'private' } } })
  expect(mock.journal.last()?.body).toEqual({ api_key: { name: 'n', key_type: 'private' } })
  // A body that does not parse and gives a secret field text is withheld.
  await call(mock, 'POST /integrations', {
    body: '{"integration":{"config":{"api_key": "sk_x"',
    headers: { 'Content-Type': 'application/json' },
  })
  expect(mock.journal.last()?.body).toBe('[withheld: an unparsed body that holds a secret]')
})

it('answers fault scopes and handlersByEndpoint by the integration endpoint names', async () => {
  const mock = createTestMock()
  mock.faults.error(503, { endpoint: 'listIntegrationSchemas', times: 1 })
  expect((await call(mock, 'GET /integrations/schemas')).status).toBe(503)
  expect((await call(mock, 'GET /integrations/schemas')).status).toBe(200)
  expect((await call(mock, 'GET /integrations/elevenlabs')).status).toBe(200)
  expect(Object.keys(mock.handlersByEndpoint)).toEqual(
    expect.arrayContaining([
      'listIntegrations',
      'listIntegrationSchemas',
      'createIntegration',
      'getIntegration',
      'updateIntegration',
      'deleteIntegration',
    ]),
  )
})

it('round-trips integrations through a snapshot, secrets included, and loads an older one without any', async () => {
  const mock = createTestMock()
  await create(mock, {
    integration_type: 'calendly',
    config: { access_token: 'cal_tok', refresh_token: 'r' },
  })
  const saved = mock.snapshot()
  const restored = createTestMock({ snapshot: saved })
  expect(restored.snapshot()).toEqual(saved)
  expect(secretOf(restored, 1, 'calendly')).toEqual({ access_token: 'cal_tok', refresh_token: 'r' })
  const next = await create(restored, { integration_type: 'twilio', config: {} })
  expect(next.body.data.id).toBe(saved.next_integration_id)
  const { integrations: _list, next_integration_id: _next, ...older } = saved
  const old = createTestMock({ snapshot: older })
  expect(old.snapshot()).toMatchObject({ integrations: [], next_integration_id: 1 })
  expect((await call(old, 'GET /integrations')).body.data).toEqual([])
})

it.each([
  [
    'an unknown type',
    (s: any) => {
      s.integrations[0].integration_type = 'zapier'
    },
    'integrations[0].integration_type',
  ],
  [
    'a config field the type lacks',
    (s: any) => {
      s.integrations[0].config.model = 'x'
    },
    'integrations[0].config.model: is not a field of elevenlabs',
  ],
  [
    'an integration of a missing user',
    (s: any) => {
      s.integrations[0].user_id = 42
    },
    'integrations[0].user_id: user 42 does not exist',
  ],
  [
    'a counter behind an id',
    (s: any) => {
      s.next_integration_id = 1
    },
    'next_integration_id: must be greater than integration id',
  ],
])('refuses a snapshot with %s, naming the field', (_label, corrupt, expected) => {
  const snapshot = structuredClone(createTestMock().snapshot())
  corrupt(snapshot)
  expect(() => createTestMock({ snapshot })).toThrow(expected)
})

it('checks every argument of the store methods: a bad one throws a TypeError naming it', () => {
  const { store } = createTestMock()
  const before = store.countIntegrations()
  const cases: [() => unknown, string][] = [
    [
      () => store.createIntegration(99, { integration_type: 'openai', config: { api_key: 'k' } }),
      'userId must be the id of a user in the store, got 99',
    ],
    [
      () => store.createIntegration(1, { integration_type: 'zapier', config: {} } as never),
      "integration_type must be one of 'elevenlabs', 'openai'",
    ],
    [
      () =>
        store.createIntegration(1, {
          integration_type: 'openai',
          config: { api_key: true },
        } as never),
      'fields.config.api_key must be a string, a number or null',
    ],
    [
      () => store.createIntegration(1, { integration_type: 'openai', config: [] } as never),
      'fields.config must be an object of field values',
    ],
    [
      () => store.createIntegration(1, { integration_type: 'openai', config: {}, id: 5 } as never),
      "unknown field 'id'",
    ],
    [() => store.updateIntegration(1, '', { config: {} }), 'type must be a non-empty string'],
    [
      () => store.updateIntegration(1, 'elevenlabs', { config: { x: 'y' } }),
      'config.x is not a field of elevenlabs (its fields: api_key)',
    ],
    [() => store.updateIntegration(1, 'twilio', { cfg: {} } as never), "unknown field 'cfg'"],
    [
      () => store.deleteIntegration('1' as never, 'elevenlabs'),
      "userId must be a positive integer, got '1'",
    ],
    [() => store.listIntegrations(1, { reveal: true } as never), "unknown option 'reveal'"],
    [
      () => store.getIntegration(1, 'elevenlabs', { revealSecrets: 'yes' } as never),
      'revealSecrets must be true or false',
    ],
  ]
  for (const [run, message] of cases) {
    expect(run).toThrow(TypeError)
    expect(run).toThrow(message)
  }
  expect(store.countIntegrations()).toBe(before)
  // A lookup that names nothing finds nothing.
  expect(store.getIntegration(1, 5 as never)).toBeUndefined()
  expect(store.listIntegrations(99)).toEqual([])
})

it('gives the documented scenario generated users with and without an ElevenLabs integration', async () => {
  const mock = createTestMock()
  const users = mock.store.listUsers().filter((user) => user.id !== 1)
  const has = users.map((user) => mock.store.getIntegration(user.id, 'elevenlabs') !== undefined)
  expect(has).toContain(true)
  expect(has).toContain(false)
  for (const user of users) {
    const res = await call(mock, 'GET /integrations', {
      bearer: await mock.store.issueToken(user.id),
    })
    expect(res.body.data.every((item: { user_id: number }) => item.user_id === user.id)).toBe(true)
  }
})
