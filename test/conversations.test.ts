import { ERROR_MESSAGES, type VoiceableMock } from 'voiceable-mock'
import {
  ConversationListItemSchema,
  ConversationSchema,
  type ConversationListItem,
} from 'voiceable-mock/schemas'
import { describe, expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'
import { fixture } from './support/fixtures.js'

const at = (iso: string) => () => new Date(iso)
/**
 * A clock at the reference date: the documented agent's recent calls follow the clock
 * (`RECENT_CALLS`), so only then is `conv_abc123` the newest conversation.
 */
const AT_REFERENCE = { now: at('2024-01-15T10:30:00Z') }
const NOT_FOUND = {
  status: { code: 404, message: 'Conversation not found' },
  error: 'conversation_not_found',
  errors: ['Conversation not found'],
}
const BAD_CURSOR = {
  status: { code: 422, message: 'Validation failed: Cursor is not valid for this query' },
  error: 'validation_failed',
  errors: ['Cursor is not valid for this query'],
}
const EMPTY_PAGE = { data: [], has_more: false, cursor: null }
const ids = (body: { data: ConversationListItem[] }) => body.data.map((c) => c.conversation_id)

/** `GET /conversations?…` as user 1 (or with the options given), its body. */
async function list(mock: VoiceableMock, query = '', options: Parameters<typeof call>[2] = {}) {
  const res = await call(mock, `GET /conversations${query === '' ? '' : `?${query}`}`, options)
  expect(res.status, res.text).toBe(200)
  return res.body as { data: ConversationListItem[]; has_more: boolean; cursor: string | null }
}

/** Every page of a query, followed by cursor, with `page_size` items a page. */
async function everyPage(mock: VoiceableMock, query: string, pageSize: number) {
  const pages: { data: ConversationListItem[]; has_more: boolean; cursor: string | null }[] = []
  let cursor: string | null = null
  do {
    const more: string = cursor === null ? '' : `&cursor=${cursor}`
    const page = await list(mock, `page_size=${pageSize}&${query}${more}`)
    pages.push(page)
    cursor = page.cursor
    expect(page.has_more).toBe(cursor !== null)
  } while (cursor !== null)
  return pages
}

/** A mock whose user 2 can call too, with their token. */
/** The documented mock, and a token of user 2, who has an ElevenLabs key to read conversations with. */
async function withSecondUser() {
  const mock = createTestMock()
  if (mock.store.getIntegration(2, 'elevenlabs') === undefined)
    mock.store.createIntegration(2, {
      integration_type: 'elevenlabs',
      config: { api_key: 'sk_second_user' },
    })
  return { mock, token: await mock.store.issueToken(2) }
}

/** The fields the web app reads, sent after the documented ones (docs/fidelity.md). */
const APP_FIELDS = ['id', 'call_successful', 'date', 'duration', 'messages', 'summary', 'cost']

/** A conversation without the web app's fields: what the docs show of it. */
function documentedPart(sent: unknown): unknown {
  const rest = Object.fromEntries(
    Object.entries(sent as Record<string, unknown>).filter(([key]) => !APP_FIELDS.includes(key)),
  )
  if (Array.isArray(rest['transcript']))
    rest['transcript'] = (rest['transcript'] as Record<string, unknown>[]).map(
      ({ message: _message, time_in_call_secs: _at, ...line }) => line,
    )
  return rest
}

describe('the documented conversation', () => {
  it('reproduces the documented Get example byte for byte (golden)', async () => {
    const mock = createTestMock()
    const res = await call(mock, 'GET /conversations/conv_abc123')
    expect(res.status).toBe(200)
    // A superset of the example: its bytes, once the web app's fields (after the documented
    // ones, in each transcript line and at the end) are taken out.
    const data = JSON.stringify(fixture('get-conversation.data.json'))
    expect(JSON.stringify({ ...res.body, data: documentedPart(res.body.data) })).toBe(
      `{"status":{"code":200,"message":"Success"},"data":${data}}`,
    )
    const sent = res.body.data as Record<string, unknown>
    expect(Object.keys(sent).slice(-APP_FIELDS.length)).toEqual(APP_FIELDS)
    expect(sent).toMatchObject({
      id: 'conv_abc123',
      call_successful: 'success',
      date: '2024-01-15 10:30',
      duration: '2:00',
      messages: 4,
      summary: 'Customer inquired about order status for order #12345',
      cost: { amount_cents: 20, amount_dollars: 0.2, formatted: '$0.20' },
    })
    expect((sent['transcript'] as object[])[2]).toEqual({
      role: 'user',
      content: 'My order number is 12345',
      timestamp: '2024-01-15T10:30:15Z',
      message: 'My order number is 12345',
      time_in_call_secs: 15,
    })
  })

  it('lists it first of user 1, as the same object without its transcript', async () => {
    const mock = createTestMock(AT_REFERENCE)
    const body = await list(mock)
    expect(Object.keys(body)).toEqual(['status', 'data', 'has_more', 'cursor'])
    const { transcript: _transcript, ...item } = fixture('get-conversation.data.json')
    expect(JSON.stringify(documentedPart(body.data[0]))).toBe(JSON.stringify(item))
    expect(body.data.length).toBeGreaterThanOrEqual(3)
    expect(body.data.length).toBeLessThanOrEqual(30)
  })
})

it("lists user 1's 3 to 100 generated conversations newest first, each in the documented order", async () => {
  const mock = createTestMock()
  const body = await list(mock, 'page_size=100')
  expect(body.data.length).toBeGreaterThanOrEqual(3)
  expect(body.data.length).toBeLessThanOrEqual(100)
  const agents = new Map(mock.store.listAgents(1).map((agent) => [agent.id, agent.name]))
  const times = body.data.map((item) => item.created_at)
  expect(times).toEqual([...times].sort().reverse())
  for (const item of body.data) {
    expect(ConversationListItemSchema.parse(item)).toEqual(item)
    expect(Object.keys(item)).toEqual([
      'conversation_id',
      'agent_id',
      'agent_name',
      'status',
      'metadata',
      'created_at',
      ...APP_FIELDS,
    ])
    expect(Object.keys(item.metadata)).toEqual(['duration', 'call_quality', 'summary'])
    expect(item.agent_name).toBe(agents.get(item.agent_id))
  }
  const one = await call(mock, `GET /conversations/${body.data[1]?.conversation_id}`)
  expect(Object.keys(one.body.data)).toEqual([
    'conversation_id',
    'agent_id',
    'agent_name',
    'status',
    'transcript',
    'metadata',
    'created_at',
    ...APP_FIELDS,
  ])
  expect(ConversationSchema.parse(one.body.data)).toEqual(one.body.data)
})

it('gives every agent of every scenario but empty several conversations', () => {
  for (const scenario of ['documented', 'many-keys', 'multi-tenant'] as const) {
    const mock = createTestMock({ scenario })
    for (const user of mock.store.listUsers())
      for (const agent of mock.store.listAgents(user.id)) {
        const page = mock.store.listConversations(user.id, { agent_id: agent.id, page_size: 100 })
        expect(page?.data.length, `${scenario} agent ${agent.id}`).toBeGreaterThanOrEqual(2)
      }
  }
  expect(createTestMock({ scenario: 'empty' }).store.countConversations()).toBe(0)
})

it('reads the same transcripts for a seed, again after a reset, and others for another seed', async () => {
  const mock = createTestMock({ seed: 7 })
  const id = (await list(mock)).data[2]?.conversation_id ?? ''
  const first = (await call(mock, `GET /conversations/${id}`)).text
  expect((await call(createTestMock({ seed: 7 }), `GET /conversations/${id}`)).text).toBe(first)
  mock.reset()
  expect((await call(mock, `GET /conversations/${id}`)).text).toBe(first)
  expect((await call(createTestMock({ seed: 8 }), `GET /conversations/${id}`)).status).toBe(404)
})

describe('filters', () => {
  it('filters by agent, casting the id as an agent path id; another user’s agent is an empty page', async () => {
    const mock = createTestMock()
    const byAgent = await list(mock, 'agent_id=123&page_size=100')
    expect(byAgent.data.every((item) => item.agent_id === '123')).toBe(true)
    expect(ids(byAgent)).toContain('conv_abc123')
    expect(await list(mock, 'agent_id=0123&page_size=100')).toEqual(byAgent)
    const foreign = mock.store.listAgents(2)[0]?.id ?? ''
    expect(await list(mock, `agent_id=${foreign}`)).toMatchObject(EMPTY_PAGE)
    expect(await list(mock, 'agent_id=nope')).toMatchObject(EMPTY_PAGE)
    expect(await list(mock, 'agent_id=999999')).toMatchObject(EMPTY_PAGE)
  })

  it('splits calls by outcome, and keeps the time window exclusive at both ends', async () => {
    const mock = createTestMock(AT_REFERENCE)
    const all = ids(await list(mock, 'page_size=100'))
    const success = ids(await list(mock, 'page_size=100&call_successful=success'))
    const failure = ids(await list(mock, 'page_size=100&call_successful=failure'))
    expect(success.length).toBeGreaterThan(0)
    expect(failure.length).toBeGreaterThan(0)
    expect([...success, ...failure].sort()).toEqual([...all].sort())
    expect(success).toContain('conv_abc123')
    const documented = 1_705_314_600
    expect(ids(await list(mock, `call_start_after_unix=${documented - 1}`))).toEqual([
      'conv_abc123',
    ])
    expect(ids(await list(mock, `call_start_after_unix=${documented}`))).toEqual([])
    const before = ids(await list(mock, `page_size=100&call_start_before_unix=${documented}`))
    expect(before).toEqual(all.slice(1))
    expect(
      ids(
        await list(
          mock,
          `call_start_after_unix=${documented - 1}&call_start_before_unix=${documented + 1}`,
        ),
      ),
    ).toEqual(['conv_abc123'])
    expect(
      await list(mock, `call_start_after_unix=${documented}&call_start_before_unix=${documented}`),
    ).toMatchObject(EMPTY_PAGE)
  })

  it('filters by caller (`user_id`, ElevenLabs’ id of who called), and combines filters', async () => {
    const mock = createTestMock({ now: at('2024-02-01T00:00:00Z') })
    const added = [1, 2, 3].map(() =>
      mock.store.addConversation(1, '123', { caller_id: '+15550100', call_successful: 'failure' }),
    )
    expect(new Set(ids(await list(mock, 'user_id=%2B15550100')))).toEqual(
      new Set(added.map((c) => c.conversation_id)),
    )
    expect(ids(await list(mock, 'user_id=%2B15550100&call_successful=success'))).toEqual([])
    expect(ids(await list(mock, 'user_id=%2B15550100&agent_id=123&page_size=2'))).toHaveLength(2)
    expect(await list(mock, 'user_id=nobody')).toMatchObject(EMPTY_PAGE)
  })

  it('leaves the summary out with summary_mode=exclude, and keeps it by default', async () => {
    const mock = createTestMock(AT_REFERENCE)
    const excluded = await list(mock, 'summary_mode=exclude')
    const included = await list(mock, 'summary_mode=include')
    expect(await list(mock)).toEqual(included)
    expect(excluded.data[0]?.metadata).toEqual({ duration: 120, call_quality: 'good' })
    for (const [i, item] of excluded.data.entries()) {
      expect(Object.keys(item.metadata)).toEqual(['duration', 'call_quality'])
      const { summary: _summary, ...rest } = included.data[i]?.metadata ?? {}
      expect(item.metadata).toEqual(rest)
    }
  })

  it.each([
    ['page_size=0', 'Page size must be between 1 and 100'],
    ['page_size=101', 'Page size must be between 1 and 100'],
    ['page_size=1.5', 'Page size must be between 1 and 100'],
    ['page_size=030', 'Page size must be between 1 and 100'],
    ['call_successful=unknown', "Call successful must be 'success' or 'failure'"],
    [
      'call_start_before_unix=yesterday',
      'Call start before unix must be a Unix time in whole seconds',
    ],
    ['call_start_after_unix=-1', 'Call start after unix must be a Unix time in whole seconds'],
    ['summary_mode=brief', "Summary mode must be 'include' or 'exclude'"],
  ])('answers %s with 422: %s', async (query, sentence) => {
    const res = await call(createTestMock(), `GET /conversations?${query}`)
    expect(res.status).toBe(422)
    expect(res.body).toEqual({
      status: { code: 422, message: `Validation failed: ${sentence}` },
      error: 'validation_failed',
      errors: [sentence],
    })
  })

  it('counts an empty parameter as absent, and takes the last of a repeated one', async () => {
    const mock = createTestMock()
    expect(await list(mock, 'agent_id=&page_size=&summary_mode=')).toEqual(await list(mock))
    expect(ids(await list(mock, 'page_size=50&page_size=2'))).toHaveLength(2)
  })
})

describe('cursor paging', () => {
  it('reads every conversation once, in order, page after page', async () => {
    const mock = createTestMock(AT_REFERENCE)
    mock.store.generateConversations(1, '123', 250)
    const pages = await everyPage(mock, 'summary_mode=exclude', 7)
    const all = pages.flatMap((page) => ids(page))
    expect(new Set(all).size).toBe(all.length)
    expect(pages.at(-1)).toMatchObject({ has_more: false, cursor: null })
    const whole = (await everyPage(mock, 'summary_mode=exclude', 100)).flatMap((page) => ids(page))
    expect(all).toEqual(whole)
    expect(all[0]).toBe('conv_abc123')
  })

  it('stays stable while conversations are added: new ones never shift a later page', async () => {
    let now = new Date('2024-03-01T00:00:00Z')
    const mock = createTestMock({ now: () => now })
    mock.store.generateConversations(1, '123', 40)
    const first = await list(mock, 'page_size=10')
    const second = await list(mock, `page_size=10&cursor=${first.cursor}`)
    for (let i = 0; i < 25; i++) {
      now = new Date(now.getTime() + (i % 2) * 1000)
      mock.store.addConversation(1, i % 3 === 0 ? '123' : '124')
    }
    expect(await list(mock, `page_size=10&cursor=${first.cursor}`)).toEqual(second)
    const third = await list(mock, `page_size=10&cursor=${second.cursor}`)
    // The new ones come first on a fresh first page; the pages after it are the old ones, shifted
    // by the new ones only.
    const fresh = await everyPage(mock, '', 10)
    expect(fresh[0]?.data[0]?.created_at).toBe(now.toISOString().replace('.000', ''))
    const all = fresh.flatMap((page) => ids(page))
    expect(all.slice(25, 55)).toEqual([...ids(first), ...ids(second), ...ids(third)])
  })

  it('lets page_size and summary_mode change between pages, with the same cursor', async () => {
    const mock = createTestMock()
    const first = await list(mock, 'page_size=2&agent_id=123')
    const next = await list(
      mock,
      `page_size=5&agent_id=123&summary_mode=exclude&cursor=${first.cursor}`,
    )
    expect(next.data.length).toBeGreaterThan(0)
    expect(ids(next)).not.toContain(first.data[0]?.conversation_id)
  })

  it('answers 422 to a random, truncated, edited, foreign or other-filter cursor', async () => {
    const { mock, token } = await withSecondUser()
    const mine = (await list(mock, 'page_size=1')).cursor ?? ''
    const filtered = (await list(mock, 'page_size=1&agent_id=123')).cursor ?? ''
    const theirs = (await list(mock, 'page_size=1', { bearer: token })).cursor ?? ''
    const edited = Buffer.from(
      Buffer.from(mine, 'base64url')
        .toString()
        .replace(/"conv_[^"]*"/, '"conv_zzzz"'),
    ).toString('base64url')
    for (const [query, why] of [
      ['cursor=abc', 'random'],
      ['cursor=%E2%9C%93', 'not base64url'],
      [`cursor=${mine.slice(0, -3)}`, 'truncated'],
      [`cursor=${edited}`, 'edited'],
      [`cursor=${theirs}`, "another user's"],
      [`cursor=${filtered}`, "another filter's"],
      [`cursor=${mine}&agent_id=123`, 'another filter, the other way'],
      [`cursor=${mine}&call_successful=success`, 'a filter added'],
    ]) {
      const res = await call(mock, `GET /conversations?${query}`)
      expect(res.status, why).toBe(422)
      expect(res.body, why).toEqual(BAD_CURSOR)
    }
    expect((await call(mock, `GET /conversations?cursor=${mine}`)).status).toBe(200)
  })
})

describe('ownership', () => {
  it("answers another user's conversation with the same 404 as a missing one", async () => {
    const { mock, token } = await withSecondUser()
    const theirs = (await list(mock, '', { bearer: token })).data[0]?.conversation_id ?? ''
    expect(theirs).not.toBe('')
    expect(ids(await list(mock, 'page_size=100'))).not.toContain(theirs)
    for (const id of [theirs, 'conv_missing', 'CONV_ABC123'])
      expect((await call(mock, `GET /conversations/${id}`)).body).toEqual(NOT_FOUND)
    expect((await call(mock, 'GET /conversations/conv_abc123', { bearer: token })).body).toEqual(
      NOT_FOUND,
    )
    expect((await call(mock, `GET /conversations/${theirs}`, { bearer: token })).status).toBe(200)
  })

  it("deletes an agent's conversations with the agent", async () => {
    const mock = createTestMock()
    const before = mock.store.countConversations()
    const onAgent = (await list(mock, 'agent_id=123&page_size=100')).data.length
    expect((await call(mock, 'DELETE /agents/123')).status).toBe(200)
    expect((await call(mock, 'GET /conversations/conv_abc123')).body).toEqual(NOT_FOUND)
    expect((await list(mock, 'page_size=100')).data.some((c) => c.agent_id === '123')).toBe(false)
    expect(await list(mock, 'agent_id=123')).toMatchObject(EMPTY_PAGE)
    expect(mock.store.countConversations()).toBe(before - onAgent)
    expect(mock.snapshot().conversations.some((c) => c.agent_id === '123')).toBe(false)
  })

  it('refuses public keys by default, like every other resource', async () => {
    const mock = createTestMock()
    const key = mock.store.createApiKey(1, { name: 'Widget', key_type: 'public' })
    const res = await call(mock, 'GET /conversations', { apiKey: key.key_value })
    expect(res.status).toBe(403)
    expect((await call(mock, 'GET /conversations', { apiKey: null })).status).toBe(401)
  })
})

it('answers the documented 502 as an injected fault, scoped to the endpoint', async () => {
  const mock = createTestMock()
  mock.faults.error(502, { endpoint: 'getConversation', message: ERROR_MESSAGES.elevenLabsError })
  const res = await call(mock, 'GET /conversations/conv_abc123')
  expect(res.status).toBe(502)
  expect(res.body).toEqual({
    status: { code: 502, message: 'Bad Gateway' },
    error: 'bad_gateway',
    errors: ['ElevenLabs API error'],
  })
  expect((await call(mock, 'GET /conversations')).status).toBe(200)
})

it('journals both endpoints with their names and the conversation id', async () => {
  const mock = createTestMock()
  await call(mock, 'GET /conversations?page_size=1')
  await call(mock, 'GET /conversations/conv_abc123')
  const [listed, got] = mock.journal.entries()
  expect(listed).toMatchObject({ endpoint: 'listConversations', status: 200, params: {} })
  expect(got).toMatchObject({
    endpoint: 'getConversation',
    status: 200,
    params: { conversationId: 'conv_abc123' },
  })
  expect(Object.keys(mock.handlersByEndpoint)).toEqual(
    expect.arrayContaining(['listConversations', 'getConversation']),
  )
})

describe('snapshots', () => {
  it('round-trips conversations, added ones with their content', async () => {
    const mock = createTestMock({ now: at('2024-02-01T00:00:00Z') })
    const added = mock.store.addConversation(1, '123', {
      conversation_id: 'conv_added',
      summary: 'Asked about opening hours.',
      transcript: [{ role: 'user', content: 'Are you open?', timestamp: '2024-02-01T00:00:00Z' }],
    })
    const restored = createTestMock({ snapshot: JSON.parse(JSON.stringify(mock.snapshot())) })
    // The same records; a restored store lists them in id order, and added ones came last.
    const byId = (snapshot: { conversations: { id: string }[] }) =>
      [...snapshot.conversations].sort((a, b) => (a.id < b.id ? -1 : 1))
    expect(byId(restored.snapshot())).toEqual(byId(mock.snapshot()))
    expect(restored.snapshot().conversations).toEqual(byId(mock.snapshot()))
    expect((await call(restored, 'GET /conversations/conv_added')).body.data).toEqual(added)
    expect(await list(restored, 'page_size=100')).toEqual(await list(mock, 'page_size=100'))
  })

  it('reads the restored conversations after restore(), and none from an older snapshot', async () => {
    const mock = createTestMock(AT_REFERENCE)
    const saved = mock.snapshot()
    mock.store.addConversation(1, '123', { conversation_id: 'conv_later' })
    mock.restore(saved)
    expect((await call(mock, 'GET /conversations/conv_later')).status).toBe(404)
    expect(ids(await list(mock))[0]).toBe('conv_abc123')
    const { conversations: _conversations, ...older } = saved
    const fromOlder = createTestMock({ snapshot: older })
    expect(fromOlder.snapshot().conversations).toEqual([])
    expect(await list(fromOlder)).toMatchObject(EMPTY_PAGE)
  })

  it('rejects a conversation of a missing user or with a bad id, naming the field', () => {
    const snapshot = structuredClone(createTestMock().snapshot())
    ;(snapshot.conversations[0] as { user_id: number }).user_id = 42
    expect(() => createTestMock({ snapshot })).toThrow(
      'conversations[0].user_id: user 42 does not exist',
    )
    const second = structuredClone(createTestMock().snapshot())
    ;(second.conversations[1] as { id: string }).id = second.conversations[0]?.id ?? ''
    expect(() => createTestMock({ snapshot: second })).toThrow(
      'conversations[1].id: duplicate conversation id',
    )
  })
})

describe('mock.store', () => {
  it('checks the arguments of addConversation, generateConversations and listConversations', () => {
    const mock = createTestMock()
    type Untyped = (...args: unknown[]) => unknown
    const store = mock.store as unknown as {
      addConversation: Untyped
      generateConversations: Untyped
      listConversations: Untyped
    }
    const before = mock.snapshot()
    const problems = [
      [
        () => store.addConversation(99, '123'),
        'userId must be the id of a user in the store, got 99',
      ],
      [() => store.addConversation(1, 123), 'agentId must be a non-empty string, got 123'],
      [
        () => store.addConversation(1, '999'),
        "agentId must be the id of an agent of user 1, got '999'",
      ],
      [
        () => store.addConversation(1, '123', { topic: 'x' }),
        "unknown field 'topic'; the fields are call_quality, call_successful, caller_id, conversation_id, created_at, duration, status, summary, transcript",
      ],
      [
        () => store.addConversation(1, '123', { created_at: '2024-01-01' }),
        "created_at must be an ISO 8601 UTC timestamp without fractions, like 2024-01-15T10:30:00Z, got '2024-01-01'",
      ],
      [
        () => store.addConversation(1, '123', { conversation_id: 'conv.1' }),
        "conversation_id must be 1 to 100 letters, digits, _ or -, got 'conv.1'",
      ],
      [
        () => store.addConversation(1, '123', { conversation_id: 'conv_abc123' }),
        "conversation_id must not be the id of a conversation in the store, got 'conv_abc123'",
      ],
      [
        () =>
          store.addConversation(1, '123', {
            transcript: [{ role: 'bot', content: 'Hi', timestamp: '2024-01-01T00:00:00Z' }],
          }),
        "transcript[0].role must be one of 'user', 'assistant', got 'bot'",
      ],
    ] as const
    for (const [run, problem] of problems)
      expect(run).toThrow(new TypeError(`Failed to add conversation: ${problem}`))
    expect(() => store.generateConversations(1, '123', -1)).toThrow(
      'Failed to generate conversations: count must be a whole number of at least 0, got -1',
    )
    expect(() => store.listConversations(1, { page_size: 0 })).toThrow(
      'Failed to list conversations: page_size must be a whole number from 1 to 100, got 0',
    )
    expect(mock.snapshot()).toEqual(before)
    expect(mock.store.listConversations(1, { cursor: 'nope' })).toBeUndefined()
    expect(mock.store.getConversation(1, 123 as never)).toBeUndefined()
  })
})

it("gives the documented agent a few calls in the last 30 days of the store's clock", async () => {
  const now = Date.parse('2026-12-08T15:00:00Z') / 1000
  const mock = createTestMock({ now: () => new Date(now * 1000) })
  const after = now - 30 * 24 * 60 * 60
  const res = await call(
    mock,
    `GET /conversations?agent_id=123&call_start_after_unix=${after}&call_start_before_unix=${now}`,
  )
  expect(res.body.data).toHaveLength(6)
  // The same calls all day long, and none at the reference date.
  const later = createTestMock({ now: () => new Date((now + 3600) * 1000) })
  expect(later.store.listConversations(1)).toEqual(mock.store.listConversations(1))
  expect(createTestMock(AT_REFERENCE).store.countConversations()).toBeLessThan(
    mock.store.countConversations(),
  )
})
