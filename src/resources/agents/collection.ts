import { defineCollection } from '../../store/collection.js'
import type { AgentPhoneNumber } from '../phone-numbers/schemas.js'
import { AgentRecordSchema, type Agent, type AgentRecord } from './schemas.js'

/** A copy of a JSON value (agent configs are plain JSON, validated to a bounded depth). */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * A copy of a stored agent in the documented field order; `widget_config` only once it has been
 * set. `phoneNumbers`, when given, are listed in their documented place (the wire's agent).
 */
export function copyAgent(agent: AgentRecord): AgentRecord
export function copyAgent(agent: AgentRecord, phoneNumbers: AgentPhoneNumber[]): Agent
export function copyAgent(agent: AgentRecord, phoneNumbers?: AgentPhoneNumber[]): AgentRecord {
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
    ...(phoneNumbers === undefined ? {} : { phone_numbers: phoneNumbers }),
    user_id: agent.user_id,
    user_email: agent.user_email,
    created_at: agent.created_at,
    updated_at: agent.updated_at,
  }
}

/** Agents, under their string ids (`"123"`), counted as integers. */
export const AGENTS = defineCollection('agents', 'agent', AgentRecordSchema, {
  label: 'agent',
  owner: 'user_id',
  copy: (agent: AgentRecord) => copyAgent(agent),
})

export const COLLECTIONS = [AGENTS] as const
