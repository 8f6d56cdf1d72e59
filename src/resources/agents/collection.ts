import { defineCollection } from '../../store/collection.js'
import { AgentSchema, type Agent } from './schemas.js'

/** A copy of a JSON value (agent configs are plain JSON, validated to a bounded depth). */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A copy of an agent in the documented field order; `widget_config` only once it has been set. */
export function copyAgent(agent: Agent): Agent {
  return {
    id: agent.id,
    name: agent.name,
    tags: [...agent.tags],
    conversation_config: copyJson(agent.conversation_config),
    platform_settings: copyJson(agent.platform_settings),
    ...(agent.widget_config === undefined ? {} : { widget_config: copyJson(agent.widget_config) }),
    published: agent.published,
    published_at: agent.published_at,
    elevenlabs_agent_id: agent.elevenlabs_agent_id,
    version: agent.version,
    phone_numbers: agent.phone_numbers.map((phone) => ({ ...phone })),
    user_id: agent.user_id,
    user_email: agent.user_email,
    created_at: agent.created_at,
    updated_at: agent.updated_at,
  }
}

/** Agents, under their string ids (`"123"`), counted as integers. */
export const AGENTS = defineCollection('agents', 'agent', AgentSchema, {
  label: 'agent',
  owner: 'user_id',
  copy: copyAgent,
})

export const COLLECTIONS = [AGENTS] as const
