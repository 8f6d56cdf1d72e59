import { ERROR_MESSAGES, SUCCESS_MESSAGES, type Agent } from 'voiceable-mock'
import { AgentSchema } from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { DOCUMENTED_AGENT, MULTI_TENANT_AGENTS_PER_USER } from './support/documented.js'

const at = (iso: string) => () => new Date(iso)
const NOT_FOUND = {
  status: { code: 404, message: 'Agent not found' },
  error: 'agent_not_found',
  errors: ['Agent not found'],
}
const ids = (body: { data: Agent[] }) => body.data.map((agent) => agent.id)

/** A mock whose user 1 owns exactly these agents (names, tags, creation times), ids 1, 2, 3… */
function withAgents(agents: { name: string; tags?: string[]; created_at: string }[]) {
  const base = createTestMock({ scenario: 'empty' }).snapshot()
  return createTestMock({
    snapshot: {
      ...base,
      next_agent_id: agents.length + 1,
      agents: agents.map((agent, i) => ({
        ...structuredClone(DOCUMENTED_AGENT),
        id: String(i + 1),
        name: agent.name,
        tags: agent.tags ?? [],
        phone_numbers: [],
        created_at: agent.created_at,
        updated_at: agent.created_at,
      })),
    },
  })
}

it("lists the caller's agents newest first, with the documented agent among user 1's", async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /agents')
  expect(res.status).toBe(200)
  expect(Object.keys(res.body)).toEqual([
    'status',
    'data',
    'total_count',
    'has_more',
    'next_offset',
  ])
  expect(res.body).toMatchObject({
    total_count: res.body.data.length,
    has_more: false,
    next_offset: null,
  })
  const agents = res.body.data as Agent[]
  expect(agents.map((agent) => agent.id)).toContain('123')
  expect(agents.every((agent) => agent.user_id === 1)).toBe(true)
  const times = agents.map((agent) => agent.created_at)
  expect(times).toEqual([...times].sort().reverse())
  for (const agent of agents) expect(AgentSchema.parse(agent)).toEqual(agent)
})

it('gives every user 1 to 3 generated agents, with string ids after the documented 123', () => {
  const mock = createTestMock()
  for (const user of mock.store.listUsers()) {
    const generated = mock.store.listAgents(user.id).filter((agent) => agent.id !== '123')
    expect(generated.length).toBeGreaterThanOrEqual(1)
    expect(generated.length).toBeLessThanOrEqual(3)
    for (const agent of generated) expect(Number(agent.id)).toBeGreaterThan(123)
    expect(new Set(generated.map((agent) => agent.name)).size).toBe(generated.length)
  }
})

it('gives user 1 no agent in the empty scenario, and every user 3 in multi-tenant', () => {
  expect(createTestMock({ scenario: 'empty' }).store.listAgents(1)).toEqual([])
  const mock = createTestMock({ scenario: 'multi-tenant' })
  for (const user of mock.store.listUsers()) {
    const generated = mock.store.listAgents(user.id).filter((agent) => agent.id !== '123')
    expect(generated).toHaveLength(MULTI_TENANT_AGENTS_PER_USER)
  }
  expect(mock.store.getAgent(1, '123')).toEqual(DOCUMENTED_AGENT)
})

it('draws agents from a stream of their own: the same for a seed, different for another', () => {
  const agents = (seed: number) => createTestMock({ seed }).snapshot().agents
  expect(agents(5)).toEqual(agents(5))
  expect(agents(5)).not.toEqual(agents(6))
})

it('searches names and tags, case-insensitively', async () => {
  const mock = withAgents([
    { name: 'Sales Assistant', tags: ['outbound'], created_at: '2024-01-11T00:00:00Z' },
    { name: 'Front Desk', tags: ['Support'], created_at: '2024-01-12T00:00:00Z' },
    { name: 'Support Line', created_at: '2024-01-13T00:00:00Z' },
  ])
  const token = await mock.store.issueToken(1)
  const search = async (term: string) =>
    (await call(mock, `GET /agents?search=${encodeURIComponent(term)}`, { bearer: token })).body
  expect(ids(await search('SUPPORT'))).toEqual(['3', '2'])
  expect(ids(await search('bound'))).toEqual(['1'])
  expect(await search('nothing')).toMatchObject({ data: [], total_count: 0, has_more: false })
  expect(ids(await search(''))).toEqual(['3', '2', '1'])
})

it('pages with page_size and offset, or cursor, and says where the next page starts', async () => {
  const mock = withAgents(
    Array.from({ length: 5 }, (_, i) => ({
      name: `Agent ${i + 1}`,
      created_at: `2024-01-1${i + 1}T00:00:00Z`,
    })),
  )
  const token = await mock.store.issueToken(1)
  const page = async (query: string) =>
    (await call(mock, `GET /agents?${query}`, { bearer: token })).body
  expect(await page('page_size=2')).toMatchObject({
    total_count: 5,
    has_more: true,
    next_offset: 2,
  })
  expect(ids(await page('page_size=2'))).toEqual(['5', '4'])
  expect(ids(await page('page_size=2&offset=2'))).toEqual(['3', '2'])
  expect(ids(await page('page_size=2&cursor=4'))).toEqual(['1'])
  expect(await page('page_size=2&cursor=4')).toMatchObject({ has_more: false, next_offset: null })
  // The cursor wins over the offset; an offset past the end is an empty page.
  expect(ids(await page('page_size=2&offset=0&cursor=2'))).toEqual(['3', '2'])
  expect(await page('offset=9')).toMatchObject({ data: [], total_count: 5, next_offset: null })
  // The web app's own first call.
  expect(ids(await page('page_size=10&offset=0'))).toEqual(['5', '4', '3', '2', '1'])
})

it('pages 30 agents at a time by default', async () => {
  const mock = withAgents(
    Array.from({ length: 31 }, (_, i) => ({ name: `A${i}`, created_at: '2024-01-10T00:00:00Z' })),
  )
  const res = await call(mock, 'GET /agents', { bearer: await mock.store.issueToken(1) })
  expect(res.body.data).toHaveLength(30)
  expect(res.body).toMatchObject({ total_count: 31, has_more: true, next_offset: 30 })
  // Ties on created_at go by id, in the same direction.
  expect(res.body.data[0].id).toBe('31')
})

it('sorts by name or created_at, ascending or descending', async () => {
  const mock = withAgents([
    { name: 'bravo', created_at: '2024-01-12T00:00:00Z' },
    { name: 'Alpha', created_at: '2024-01-13T00:00:00Z' },
    { name: 'charlie', created_at: '2024-01-11T00:00:00Z' },
  ])
  const token = await mock.store.issueToken(1)
  const sorted = async (query: string) =>
    ids((await call(mock, `GET /agents?${query}`, { bearer: token })).body)
  expect(await sorted('sort_by=name')).toEqual(['3', '1', '2'])
  expect(await sorted('sort_by=name&sort_direction=asc')).toEqual(['2', '1', '3'])
  expect(await sorted('sort_by=created_at&sort_direction=asc')).toEqual(['3', '1', '2'])
  expect(await sorted('sort_direction=desc')).toEqual(['2', '1', '3'])
})

it.each([
  ['page_size=0', 'Page size must be between 1 and 100'],
  ['page_size=101', 'Page size must be between 1 and 100'],
  ['page_size=abc', 'Page size must be between 1 and 100'],
  ['page_size=1.5', 'Page size must be between 1 and 100'],
  ['offset=-1', 'Offset must be a whole number of at least 0'],
  ['cursor=next', 'Cursor is not a valid cursor'],
  ['sort_by=updated_at', "Sort by must be 'name' or 'created_at'"],
  ['sort_direction=up', "Sort direction must be 'asc' or 'desc'"],
])('answers GET /agents?%s with 422', async (query, message) => {
  const res = await call(createTestMock(), `GET /agents?${query}`)
  expect(res.status).toBe(422)
  expect(res.body).toEqual({
    status: { code: 422, message: `Validation failed: ${message}` },
    error: 'validation_failed',
    errors: [message],
  })
})

it('accepts page sizes 1 and 100, and takes the last of a repeated parameter, as Rails does', async () => {
  const mock = createTestMock()
  expect((await call(mock, 'GET /agents?page_size=1')).body.data).toHaveLength(1)
  expect((await call(mock, 'GET /agents?page_size=100')).status).toBe(200)
  expect((await call(mock, 'GET /agents?page_size=0&page_size=1')).body.data).toHaveLength(1)
  expect((await call(mock, 'GET /agents?page_size=')).status).toBe(200)
})

it('gets one agent; an unknown, foreign or malformed id is the same 404', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'GET /agents/123')
  expect(res.body).toEqual({ status: { code: 200, message: 'Success' }, data: DOCUMENTED_AGENT })
  const foreign = mock.store.listAgents(2)[0]?.id ?? ''
  expect(foreign).not.toBe('')
  for (const id of [foreign, '999', '0', '-123', 'abc', '0x7B', '.json'])
    expect((await call(mock, `GET /agents/${id}`)).body, id).toEqual(NOT_FOUND)
  // Ids cast as ActiveRecord casts them: the leading digits name the agent.
  for (const id of ['0123', '123.json', '123abc', '123.5'])
    expect((await call(mock, `GET /agents/${id}`)).body.data?.id, id).toBe('123')
})

it('casts agent fields as strong parameters and the columns do: numbers to strings, bad shapes dropped', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'POST /agents', {
    json: {
      agent: {
        name: 42,
        tags: [1, null, 'voice'],
        conversation_config: [],
        platform_settings: 'not an object',
        widget_config: { theme: 'dark' },
      },
    },
  })
  expect(res.status).toBe(201)
  expect(res.body.data).toMatchObject({
    name: '42',
    tags: ['1', 'voice'],
    conversation_config: {},
    platform_settings: {},
    widget_config: { theme: 'dark' },
  })
})

it("refuses a body nested past 100, as Ruby's JSON parser does: 400", async () => {
  const mock = createTestMock()
  const deep = `{"agent":{"name":"x","platform_settings":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}}`
  const res = await call(mock, 'POST /agents', {
    body: deep,
    headers: { 'Content-Type': 'application/json' },
  })
  expect(res.status).toBe(400)
  expect(res.body.errors).toEqual([ERROR_MESSAGES.invalidJson('nesting of 101 is too deep')])
  const within = `{"agent":{"name":"x","platform_settings":${'{"a":'.repeat(97)}1${'}'.repeat(97)}}}`
  expect(
    (
      await call(mock, 'POST /agents', {
        body: within,
        headers: { 'Content-Type': 'application/json' },
      })
    ).status,
  ).toBe(201)
})

it('creates an agent: 201, unpublished, version 1, the next id, no widget_config unless sent', async () => {
  const mock = createTestMock({ now: at('2024-03-01T12:00:00Z') })
  const before = mock.snapshot().next_agent_id
  const res = await call(mock, 'POST /agents', {
    json: { agent: { name: 'Night Shift', id: '7', published: true, user_id: 2 } },
  })
  expect(res.status).toBe(201)
  expect(res.body.status).toEqual({ code: 201, message: 'Agent created successfully' })
  const agent = res.body.data as Agent
  expect(agent).toMatchObject({
    id: String(before),
    name: 'Night Shift',
    tags: [],
    conversation_config: {},
    platform_settings: {},
    published: false,
    published_at: null,
    version: 1,
    phone_numbers: [],
    user_id: 1,
    user_email: 'user@example.com',
    created_at: '2024-03-01T12:00:00Z',
    updated_at: '2024-03-01T12:00:00Z',
  })
  expect(agent.elevenlabs_agent_id).toMatch(/^agent_[a-z0-9]{20}$/)
  expect(Object.keys(agent)).toEqual(Object.keys(DOCUMENTED_AGENT))
  expect((await call(mock, `GET /agents/${agent.id}`)).body.data).toEqual(agent)
})

it('stores widget_config when sent and returns it after platform_settings', async () => {
  const mock = createTestMock()
  const created = await call(mock, 'POST /agents', {
    json: { agent: { name: 'W', widget_config: { color: '#fff' }, tags: ['a'] } },
  })
  const keys = Object.keys(created.body.data)
  expect(keys.slice(3, 7)).toEqual([
    'conversation_config',
    'platform_settings',
    'widget_config',
    'published',
  ])
  const updated = await call(mock, 'PUT /agents/123', { json: { agent: { widget_config: {} } } })
  expect(Object.keys(updated.body.data).indexOf('widget_config')).toBe(5)
})

it.each([
  ['no name', {}, ["Name can't be blank"]],
  ['a blank name', { name: '  ' }, ["Name can't be blank"]],
  [
    'a name that is an object (dropped as unpermitted)',
    { name: { first: 'x' } },
    ["Name can't be blank"],
  ],
])('refuses an agent with %s: 422', async (_, agent, errors) => {
  const mock = createTestMock()
  const before = mock.store.countAgents()
  const res = await call(mock, 'POST /agents', {
    json: { agent: { description: 'ignored', ...agent } },
  })
  expect(res.status).toBe(422)
  expect(res.body.errors).toEqual(errors)
  expect(mock.store.countAgents()).toBe(before)
})

it('refuses a create without the agent wrapper with 422', async () => {
  const res = await call(createTestMock(), 'POST /agents', { json: { name: 'x' } })
  expect(res.body.errors).toEqual([ERROR_MESSAGES.missingWrapper('agent')])
})

it('updates name, tags and configs, replacing objects whole, and bumps updated_at only on a change', async () => {
  let now = '2024-02-01T00:00:00Z'
  const mock = createTestMock({ now: () => new Date(now) })
  const res = await call(mock, 'PUT /agents/123', {
    json: { agent: { conversation_config: { temperature: 0.2 }, version: 9, published: false } },
  })
  expect(res.status).toBe(200)
  expect(res.body.status).toEqual({ code: 200, message: SUCCESS_MESSAGES.agentUpdated })
  expect(res.body.data).toEqual({
    ...DOCUMENTED_AGENT,
    conversation_config: { temperature: 0.2 },
    updated_at: '2024-02-01T00:00:00Z',
  })
  now = '2024-02-02T00:00:00Z'
  const same = await call(mock, 'PUT /agents/123', {
    json: { agent: { name: DOCUMENTED_AGENT.name } },
  })
  expect(same.body.data.updated_at).toBe('2024-02-01T00:00:00Z')
})

it('answers an update of a missing agent with 404 before looking at the body', async () => {
  const res = await call(createTestMock(), 'PUT /agents/999', { json: { agent: { name: 5 } } })
  expect(res.body).toEqual(NOT_FOUND)
})

it('deletes an agent with the documented body; it is gone for its owner', async () => {
  const mock = createTestMock()
  const res = await call(mock, 'DELETE /agents/123')
  expect(res.text).toBe('{"status":{"code":200,"message":"Agent deleted successfully"}}')
  expect((await call(mock, 'GET /agents/123')).body).toEqual(NOT_FOUND)
  expect((await call(mock, 'DELETE /agents/123')).body).toEqual(NOT_FOUND)
  // Ids are never reused: the next agent continues after the largest one ever given.
  const next = mock.snapshot().next_agent_id
  const created = await call(mock, 'POST /agents', { json: { agent: { name: 'x' } } })
  expect(created.body.data.id).toBe(String(next))
})

it("cannot touch another user's agent: 404 for get, update and delete", async () => {
  const mock = createTestMock()
  const other = mock.store.listUsers()[1]
  const token = await mock.store.issueToken(other?.id ?? 0)
  for (const route of ['GET /agents/123', 'PUT /agents/123', 'DELETE /agents/123'])
    expect(
      (await call(mock, route, { apiKey: null, bearer: token, json: { agent: { name: 'x' } } }))
        .body,
    ).toEqual(NOT_FOUND)
  expect(mock.store.getAgent(1, '123')).toEqual(DOCUMENTED_AGENT)
})

it('holds public keys to publicKeyAccess on agents as on API keys', async () => {
  const forbidden = createTestMock()
  const publicKey = forbidden.store.createApiKey(1, { name: 'W', key_type: 'public' }).key_value
  const denied = await call(forbidden, 'GET /agents', { apiKey: publicKey })
  expect(denied.status).toBe(403)
  expect(denied.body.errors).toEqual([ERROR_MESSAGES.publicKeyForbidden])
  const readOnly = createTestMock({ publicKeyAccess: 'read-only' })
  const readKey = readOnly.store.createApiKey(1, { name: 'W', key_type: 'public' }).key_value
  expect((await call(readOnly, 'GET /agents/123', { apiKey: readKey })).status).toBe(200)
  const write = await call(readOnly, 'POST /agents', {
    apiKey: readKey,
    json: { agent: { name: 'x' } },
  })
  expect(write.status).toBe(403)
  expect(write.body.errors).toEqual([ERROR_MESSAGES.publicKeyReadOnly])
})

it('requires a credential on every agent endpoint', async () => {
  for (const route of [
    'GET /agents',
    'POST /agents',
    'GET /agents/123',
    'PUT /agents/123',
    'DELETE /agents/123',
  ]) {
    const res = await call(createTestMock(), route, {
      apiKey: null,
      json: { agent: { name: 'x' } },
    })
    expect(res.status, route).toBe(401)
  }
})

it('records agentId in the journal as a string, and can be queried by it', async () => {
  const mock = createTestMock()
  await call(mock, 'GET /agents/123')
  await call(mock, 'DELETE /agents/123')
  await call(mock, 'GET /agents/abc')
  expect(mock.journal.count({ agentId: '123' })).toBe(2)
  expect(mock.journal.last({ endpoint: 'deleteAgent' })).toMatchObject({
    agentId: '123',
    keyId: null,
    userId: 1,
  })
  expect(mock.journal.last()?.agentId).toBeNull()
})

it('scopes the store methods for agents to an owner and returns copies', () => {
  const { store } = createTestMock()
  expect(store.getAgent(2, '123')).toBeUndefined()
  expect(store.updateAgent(2, '123', { name: 'x' })).toBeUndefined()
  expect(store.deleteAgent(2, '123')).toBe(false)
  const agent = store.getAgent(1, '123') as Agent
  agent.tags.push('mutated')
  agent.conversation_config['model'] = 'mutated'
  expect(store.getAgent(1, '123')).toEqual(DOCUMENTED_AGENT)
})
