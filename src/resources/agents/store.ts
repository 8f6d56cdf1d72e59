/** The agents part of the store: every method scoped to one owner, returning fresh copies. */
import type { Collection } from '../../store/collection.js'
import type { StoreContext } from '../../store/context.js'
import type { AgentPhoneNumber, PhoneNumberRecord } from '../phone-numbers/schemas.js'
import { ownership } from '../accounts/factory.js'
import { USERS } from '../accounts/users.js'
import { PHONE_NUMBERS } from '../phone-numbers/collection.js'
import { AGENTS, copyAgent, copyJson } from './collection.js'
import { createElevenLabsAgentId } from './factory.js'
import type { Agent, AgentRecord, CreateAgentFields, UpdateAgentFields } from './schemas.js'

/** The seeded stream agents draw from: generated agents, and created agents' ElevenLabs ids. */
export const AGENTS_STREAM = 3

/** Agents, as `mock.store` offers them. */
export interface AgentsStore {
  /** A user's agents, in id order. */
  listAgents(userId: number): Agent[]
  getAgent(userId: number, id: string): Agent | undefined
  /** Creates an agent: unpublished, version 1, no phone numbers, the next id. */
  createAgent(userId: number, fields: CreateAgentFields): Agent
  /** Replaces the fields given (objects and lists whole); bumps `updated_at` if anything changed. */
  updateAgent(userId: number, id: string, fields: UpdateAgentFields): Agent | undefined
  deleteAgent(userId: number, id: string): boolean
  /** Publishes an agent: published, `published_at` and `updated_at` now, `version` one up. */
  publishAgent(userId: number, id: string): Agent | undefined
  /** Number of agents across all users. */
  countAgents(): number
}

/** The numbers attached to an agent, as it lists them (the documented shape), in id order. */
function attachedTo(
  agent: AgentRecord,
  numbers: Collection<PhoneNumberRecord, number>,
): AgentPhoneNumber[] {
  const attached: AgentPhoneNumber[] = []
  for (const {
    id,
    phone_number,
    provider,
    elevenlabs_phone_number_id,
    agent_id,
  } of numbers.ownedBy(agent.user_id))
    if (agent_id === Number(agent.id))
      attached.push({ id, phone_number, provider, elevenlabs_phone_number_id })
  return attached
}

/** The agents' store methods, over the store's agents, their users and phone numbers. */
export function createAgentsStore(context: StoreContext): AgentsStore {
  const agents = context.collection(AGENTS)
  const users = context.collection(USERS)
  const numbers = context.collection(PHONE_NUMBERS)

  /** An agent in the wire format: a copy, listing the phone numbers attached to it. */
  const present = (agent: AgentRecord): Agent => copyAgent(agent, attachedTo(agent, numbers))

  return {
    listAgents(userId) {
      return [...agents.ownedBy(userId)].map(present)
    },

    getAgent(userId, id) {
      const agent = agents.owned(userId, id)
      return agent === undefined ? undefined : present(agent)
    },

    createAgent(userId, fields) {
      const user = users.get(userId)
      if (user === undefined)
        throw new Error(`Failed to find user ${userId}: no such user in the store`)
      const agent: AgentRecord = {
        id: String(agents.takeId()),
        name: fields.name,
        tags: [...(fields.tags ?? [])],
        conversation_config: copyJson(fields.conversation_config ?? {}),
        platform_settings: copyJson(fields.platform_settings ?? {}),
        ...(fields.widget_config === undefined
          ? {}
          : { widget_config: copyJson(fields.widget_config) }),
        published: false,
        published_at: null,
        elevenlabs_agent_id: createElevenLabsAgentId(context.faker(AGENTS_STREAM)),
        version: 1,
        ...ownership(user, context.stamp()),
      }
      return present(agents.insert(agent))
    },

    updateAgent(userId, id, fields) {
      const agent = agents.owned(userId, id)
      if (agent === undefined) return undefined
      // @note Objects and lists are replaced whole, not merged, as a jsonb column is by Rails'
      // `update`; the documented Update example sends the whole new `tags`.
      const next: AgentRecord = copyAgent({
        ...agent,
        ...(fields.name === undefined ? {} : { name: fields.name }),
        ...(fields.tags === undefined ? {} : { tags: fields.tags }),
        ...(fields.conversation_config === undefined
          ? {}
          : { conversation_config: fields.conversation_config }),
        ...(fields.platform_settings === undefined
          ? {}
          : { platform_settings: fields.platform_settings }),
        ...(fields.widget_config === undefined ? {} : { widget_config: fields.widget_config }),
      })
      if (JSON.stringify(next) === JSON.stringify(agent)) return present(agent)
      next.updated_at = context.stamp(agent.updated_at)
      agents.put(next)
      return present(next)
    },

    deleteAgent(userId, id) {
      if (agents.owned(userId, id) === undefined) return false
      agents.delete(id)
      // @note Its phone numbers stay the user's, unassigned, as `dependent: :nullify` leaves them.
      for (const number of [...numbers.ownedBy(userId)])
        if (number.agent_id === Number(id)) numbers.put({ ...number, agent_id: null })
      return true
    },

    publishAgent(userId, id) {
      const agent = agents.owned(userId, id)
      if (agent === undefined) return undefined
      // @note One time for both, so the app's "unpublished changes" banner (`updated_at` more
      // than 2 s after `published_at`) goes away.
      const now = context.stamp(agent.updated_at)
      const next: AgentRecord = {
        ...copyAgent(agent),
        published: true,
        published_at: now,
        version: agent.version + 1,
        updated_at: now,
      }
      agents.put(next)
      return present(next)
    },

    countAgents() {
      return agents.size
    },
  }
}
