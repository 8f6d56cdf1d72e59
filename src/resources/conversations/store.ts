/** The conversations part of the store: read-only through the API, added to by `mock.store`. */
import { DEFAULT_REF_DATE } from '../../defaults.js'
import { describeValue } from '../../internal/describe-value.js'
import type { StoreContext } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import type { AgentRecord } from '../agents/schemas.js'
import { CONVERSATIONS } from './collection.js'
import { toConversation } from './content.js'
import { generateConversationRecords } from './factory.js'
import { pageConversations, type ConversationPage } from './paging.js'
import type { AddConversationInit, ConversationQuery } from './query.js'
import type { Conversation, ConversationRecord } from './schemas.js'
import { ConversationTimelines } from './timeline.js'

/** The seeded stream conversations draw from: seeded, added and generated conversations. */
export const CONVERSATIONS_STREAM = 7

/** The seeded stream of the documented agent's recent calls (`seed.ts`). */
export const RECENT_CALLS_STREAM = 33

const DAY_SECONDS = 24 * 60 * 60

/** Conversations, as `mock.store` offers them. */
export interface ConversationsStore {
  /**
   * A page of a user's conversations as `GET /conversations` sends it after `status`, newest
   * first; `undefined` when `query.cursor` is not a cursor of this query.
   */
  listConversations(userId: number, query?: ConversationQuery): ConversationPage | undefined
  /** One of a user's conversations with its transcript; another user's is not found. */
  getConversation(userId: number, id: string): Conversation | undefined
  /**
   * Adds a conversation to one of the user's agents: now, with generated content, unless `init`
   * says otherwise (each of `status`, `call_quality`, `summary`, `transcript` replaces its
   * generated value).
   */
  addConversation(userId: number, agentId: string, init?: AddConversationInit): Conversation
  /** Adds `count` generated conversations to one of the user's agents (large stores, benches). */
  generateConversations(userId: number, agentId: string, count: number): void
  /** Number of conversations across all users. */
  countConversations(): number
}

const startOf = (timestamp: string): number => Math.floor(Date.parse(timestamp) / 1000)

/** The conversations' store methods, over the store's conversations and agents. */
export function createConversationsStore(context: StoreContext): ConversationsStore {
  const conversations = context.collection(CONVERSATIONS)
  const agents = context.collection(AGENTS)
  const timelines = new ConversationTimelines(conversations)
  context.onReset(() => timelines.clear())

  /**
   * The names of a user's agents, by id, after dropping the conversations of agents that are
   * gone. @note An agent's conversations go with it: they are deleted here, on the next read of
   * its owner's conversations, rather than by the agents' code (which knows nothing of them).
   */
  function liveAgents(userId: number): Map<string, string> {
    const names = new Map<string, string>()
    for (const agent of agents.ownedBy(userId)) names.set(agent.id, agent.name)
    for (const agentId of [...(timelines.of(userId)?.byAgent.keys() ?? [])])
      if (!names.has(agentId)) timelines.removeAgent(userId, agentId)
    return names
  }

  function requireAgent(failure: string, userId: number, agentId: string): AgentRecord {
    const agent = agents.owned(userId, agentId)
    if (agent === undefined)
      throw new TypeError(
        `${failure}: agentId must be the id of an agent of user ${userId}, got ${describeValue(agentId)}`,
      )
    return agent
  }

  /** Generated conversations of an agent, from the conversations' stream. */
  function generate(agent: AgentRecord, count: number, from: number, to: number) {
    return generateConversationRecords({
      seed: context.faker(CONVERSATIONS_STREAM).number.int({ max: 0xffffffff }),
      owner: agent.user_id,
      agentId: agent.id,
      agentName: agent.name,
      count,
      from,
      to,
      taken: (id) => conversations.get(id) !== undefined,
    })
  }

  return {
    listConversations(userId, query = {}) {
      const names = liveAgents(userId)
      return pageConversations(userId, timelines.of(userId), names, query)
    },

    getConversation(userId, id) {
      const record = conversations.owned(userId, id)
      const agent = record && agents.owned(userId, record.agent_id)
      if (record !== undefined && agent === undefined)
        timelines.removeAgent(userId, record.agent_id)
      return record && agent && toConversation(record, agent.name)
    },

    addConversation(userId, agentId, init = {}) {
      const failure = 'Failed to add conversation'
      const agent = requireAgent(failure, userId, agentId)
      const id = init.conversation_id
      if (id !== undefined && conversations.get(id) !== undefined)
        throw new TypeError(
          `${failure}: conversation_id must not be the id of a conversation in the store, got ${describeValue(id)}`,
        )
      const now = startOf(context.stamp())
      const [drawn] = generate(agent, 1, now, now) as [ConversationRecord]
      const record: ConversationRecord = {
        ...drawn,
        ...(id === undefined ? {} : { id }),
        ...(init.created_at === undefined
          ? {}
          : { start_time_unix_secs: startOf(init.created_at) }),
        ...(init.duration === undefined ? {} : { duration: init.duration }),
        ...(init.call_successful === undefined ? {} : { call_successful: init.call_successful }),
        ...(init.caller_id === undefined ? {} : { caller_id: init.caller_id }),
        ...(init.status === undefined ? {} : { status: init.status }),
        ...(init.call_quality === undefined ? {} : { call_quality: init.call_quality }),
        ...(init.summary === undefined ? {} : { summary: init.summary }),
        ...(init.transcript === undefined
          ? {}
          : { transcript: init.transcript.map((line) => ({ ...line })) }),
      }
      timelines.add([record])
      return toConversation(record, agent.name)
    },

    generateConversations(userId, agentId, count) {
      const agent = requireAgent('Failed to generate conversations', userId, agentId)
      // Between the agent's creation and the reference date (for an agent created after it: its
      // first day), so that the same seed makes the same conversations on any day.
      const from = startOf(agent.created_at)
      const to = Math.max(startOf(DEFAULT_REF_DATE), from + DAY_SECONDS)
      timelines.add(generate(agent, count, from, to))
    },

    countConversations() {
      for (const owner of timelines.owners()) liveAgents(owner)
      return conversations.size
    },
  }
}
