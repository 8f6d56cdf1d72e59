import { expect, it } from 'vitest'
import { createStore } from '../../store/store.js'
import { ConversationListItemSchema, ConversationSchema } from './schemas.js'

/** The clock at the reference date: only then is `conv_abc123` the newest (`RECENT_CALLS`). */
const AT_REFERENCE = { now: () => new Date('2024-01-15T10:30:00Z') }

const ids = (page: { data: { conversation_id: string }[] } | undefined) =>
  page?.data.map((item) => item.conversation_id)

it('seeds the documented conversation first of user 1, and a few generated ones on every agent', () => {
  const store = createStore(AT_REFERENCE)
  const page = store.listConversations(1, { page_size: 100 })
  expect(page?.data[0]?.conversation_id).toBe('conv_abc123')
  expect(page?.data.length).toBeGreaterThanOrEqual(3)
  expect(page?.data.length).toBeLessThanOrEqual(100)
  for (const user of store.listUsers())
    for (const agent of store.listAgents(user.id)) {
      const own = store.listConversations(user.id, { agent_id: agent.id, page_size: 100 })
      expect(own?.data.length).toBeGreaterThanOrEqual(2)
      for (const item of own?.data ?? []) {
        expect(ConversationListItemSchema.parse(item)).toEqual(item)
        expect(item.created_at >= agent.created_at).toBe(true)
      }
    }
  expect(createStore({ scenario: 'empty' }).countConversations()).toBe(0)
})

it('reads the same transcript for the same conversation, every time and in every store', () => {
  const a = createStore({ seed: 9 })
  const b = createStore({ seed: 9 })
  const [, second] = a.listConversations(1)?.data ?? []
  const id = second?.conversation_id ?? ''
  const conversation = a.getConversation(1, id)
  expect(ConversationSchema.parse(conversation)).toEqual(conversation)
  expect(conversation?.transcript.length).toBeGreaterThanOrEqual(4)
  expect(b.getConversation(1, id)).toEqual(conversation)
  expect(a.getConversation(1, id)).toEqual(conversation)
  expect(createStore({ seed: 10 }).getConversation(1, id)).toBeUndefined()
  // Every line within the call, in order, from its start.
  const times = conversation?.transcript.map((line) => Date.parse(line.timestamp)) ?? []
  const start = Date.parse(conversation?.created_at ?? '')
  expect(times[0]).toBe(start)
  expect(times).toEqual([...times].sort((x, y) => x - y))
  const end = start + (conversation?.metadata.duration ?? 0) * 1000
  for (const time of times) expect(time).toBeLessThan(Math.max(end, start + 1))
})

it('keeps the store deep-equal for a seed, and different across seeds', () => {
  expect(createStore({ seed: 3 }).snapshot().conversations).toEqual(
    createStore({ seed: 3 }).snapshot().conversations,
  )
  expect(createStore({ seed: 3 }).snapshot().conversations).not.toEqual(
    createStore({ seed: 4 }).snapshot().conversations,
  )
})

it('scopes conversations to their owner', () => {
  const store = createStore()
  const foreign = store.listConversations(2)?.data[0]?.conversation_id ?? ''
  expect(foreign).not.toBe('')
  expect(store.getConversation(1, foreign)).toBeUndefined()
  expect(store.getConversation(2, 'conv_abc123')).toBeUndefined()
  expect(ids(store.listConversations(1))).not.toContain(foreign)
  const agent = store.listAgents(2)[0]?.id ?? ''
  expect(store.listConversations(1, { agent_id: agent })).toEqual({
    data: [],
    has_more: false,
    cursor: null,
  })
})

it('adds conversations, with content given or generated, newest first', () => {
  const store = createStore({ now: () => new Date('2024-02-01T12:00:00Z') })
  const added = store.addConversation(1, '123', { summary: 'Asked for a refund.' })
  expect(added).toMatchObject({
    agent_id: '123',
    agent_name: 'Customer Support Agent',
    status: 'completed',
    created_at: '2024-02-01T12:00:00Z',
    metadata: { summary: 'Asked for a refund.' },
  })
  expect(added.conversation_id).toMatch(/^conv_[0-9a-z]{24}$/)
  expect(ids(store.listConversations(1))?.[0]).toBe(added.conversation_id)
  expect(store.getConversation(1, added.conversation_id)).toEqual(added)
  const older = store.addConversation(1, '123', {
    conversation_id: 'conv_older',
    created_at: '2024-01-01T00:00:00Z',
    transcript: [{ role: 'user', content: 'Hello?', timestamp: '2024-01-01T00:00:00Z' }],
  })
  // As `GET /conversations/{id}` sends it: the web app's `message` and seconds after each line.
  expect(older.transcript).toEqual([
    {
      role: 'user',
      content: 'Hello?',
      timestamp: '2024-01-01T00:00:00Z',
      message: 'Hello?',
      time_in_call_secs: 0,
    },
  ])
  expect(ids(store.listConversations(1, { page_size: 100 }))?.at(-1)).toBe('conv_older')
  expect(() => store.addConversation(1, '123', { conversation_id: 'conv_older' })).toThrow(
    "Failed to add conversation: conversation_id must not be the id of a conversation in the store, got 'conv_older'",
  )
  expect(() => store.addConversation(2, '123')).toThrow(
    "Failed to add conversation: agentId must be the id of an agent of user 2, got '123'",
  )
})

it("drops an agent's conversations with it, and after a restore reads the restored ones", () => {
  const store = createStore(AT_REFERENCE)
  const before = store.countConversations()
  const agent123 = store.listConversations(1, { agent_id: '123', page_size: 100 })?.data.length
  const saved = store.snapshot()
  store.deleteAgent(1, '123')
  expect(store.getConversation(1, 'conv_abc123')).toBeUndefined()
  expect(store.listConversations(1, { agent_id: '123' })?.data).toEqual([])
  expect(store.countConversations()).toBe(before - (agent123 ?? 0))
  expect(store.snapshot().conversations.some((c) => c.agent_id === '123')).toBe(false)
  store.restore(saved)
  expect(store.getConversation(1, 'conv_abc123')?.conversation_id).toBe('conv_abc123')
  expect(ids(store.listConversations(1))?.[0]).toBe('conv_abc123')
  expect(store.countConversations()).toBe(before)
})

it('generates many conversations in one go, in order, with unique ids', () => {
  const store = createStore()
  const before = store.countConversations()
  const own = store.listConversations(1, { page_size: 100 })?.data.length ?? 0
  store.generateConversations(1, '123', 5000)
  expect(store.countConversations()).toBe(before + 5000)
  const seen = new Set<string>()
  let cursor: string | null | undefined
  let last = '9999'
  do {
    const page = store.listConversations(1, { page_size: 100, ...(cursor ? { cursor } : {}) })
    for (const item of page?.data ?? []) {
      expect(seen.has(item.conversation_id)).toBe(false)
      seen.add(item.conversation_id)
      expect(item.created_at <= last).toBe(true)
      last = item.created_at
    }
    cursor = page?.cursor
  } while (cursor)
  expect(seen.size).toBe(own + 5000)
})
