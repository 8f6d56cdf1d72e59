/**
 * The conversations of each scenario: `conv_abc123` as documented on agent `"123"` (wherever
 * that agent is: every scenario but `empty`), then a few generated ones on every agent, drawn from
 * the conversations' own stream, between the agent's creation and the reference date.
 */
import { DEFAULT_REF_DATE } from '../../defaults.js'
import type { Seeder } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { CONVERSATIONS } from './collection.js'
import { CONVERSATIONS_PER_AGENT, RECENT_CALLS } from './defaults.js'
import { DOCUMENTED_CONVERSATION } from './documented.js'
import { generateConversationRecords } from './factory.js'
import type { ConversationRecord } from './schemas.js'
import { CONVERSATIONS_STREAM, RECENT_CALLS_STREAM } from './store.js'

const seconds = (timestamp: string): number => Math.floor(Date.parse(timestamp) / 1000)
const DAY_SECONDS = 24 * 60 * 60

/** Seeds the documented conversation and every agent's generated ones. */
export function seedConversations(seeder: Seeder): void {
  const agents = seeder.records(AGENTS)
  const taken = new Set<string>()
  const add = (record: ConversationRecord) => {
    taken.add(record.id)
    seeder.add(CONVERSATIONS, record)
  }
  if (agents.some((agent) => agent.id === DOCUMENTED_CONVERSATION.agent_id))
    add(structuredClone<ConversationRecord>(DOCUMENTED_CONVERSATION))
  const faker = seeder.faker(CONVERSATIONS_STREAM)
  // Before the documented conversation, which starts at the reference date: it is the newest.
  const to = seconds(DEFAULT_REF_DATE)
  for (const agent of agents)
    for (const record of generateConversationRecords({
      seed: faker.number.int({ max: 0xffffffff }),
      owner: agent.user_id,
      agentId: agent.id,
      agentName: agent.name,
      count: faker.number.int(CONVERSATIONS_PER_AGENT),
      from: Math.min(seconds(agent.created_at), to - 1),
      to,
      taken: (id) => taken.has(id),
    }))
      add(record)
  addRecentCalls(seeder, add, taken)
}

/**
 * The documented agent's recent calls: `RECENT_CALLS` between the reference date (or 30 days
 * before, if later) and the start of the store's clock's day, drawn from a stream of their own, so that the seed's
 * other conversations stay what they were. None when the clock is not past the reference date.
 */
function addRecentCalls(
  seeder: Seeder,
  add: (record: ConversationRecord) => void,
  taken: ReadonlySet<string>,
): void {
  const agent = seeder.records(AGENTS).find((a) => a.id === DOCUMENTED_CONVERSATION.agent_id)
  // The start of the clock's day: the same calls all day long, whenever a store is made.
  const to = Math.floor(seeder.now().getTime() / 1000 / DAY_SECONDS) * DAY_SECONDS
  const from = Math.max(seconds(DEFAULT_REF_DATE) + 1, to - RECENT_CALLS.days * DAY_SECONDS)
  if (agent === undefined || to <= from) return
  for (const record of generateConversationRecords({
    seed: seeder.faker(RECENT_CALLS_STREAM).number.int({ max: 0xffffffff }),
    owner: agent.user_id,
    agentId: agent.id,
    agentName: agent.name,
    count: RECENT_CALLS.count,
    from,
    to,
    taken: (id) => taken.has(id),
  }))
    add(record)
}
