/** The outcome-definitions part of the store: each agent's goals, scoped to the agent's owner. */
import type { StoreContext } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { OUTCOME_DEFINITIONS, presentDefinition } from './collection.js'
import { OUTCOMES } from './defaults.js'
import type {
  CreateOutcomeDefinitionFields,
  OutcomeDefinition,
  OutcomeDefinitionFields,
  OutcomeDefinitionRecord,
} from './schemas.js'

/** Outcome definitions, as `mock.store` offers them. */
export interface OutcomeDefinitionsStore {
  /** An agent's definition; `null` when it has none, `undefined` when the user has no such agent. */
  getOutcomeDefinition(userId: number, agentId: string): OutcomeDefinition | null | undefined
  /** Gives an agent its definition; `undefined` when the user has no such agent. Throws if it has one. */
  createOutcomeDefinition(
    userId: number,
    agentId: string,
    fields: CreateOutcomeDefinitionFields,
  ): OutcomeDefinition | undefined
  /** Replaces the fields given (objects whole); `undefined` when the agent or its definition is missing. */
  updateOutcomeDefinition(
    userId: number,
    agentId: string,
    fields: OutcomeDefinitionFields,
  ): OutcomeDefinition | undefined
}

/** The outcome definitions' store methods, over the store's definitions and agents. */
export function createOutcomeDefinitionsStore(context: StoreContext): OutcomeDefinitionsStore {
  const definitions = context.collection(OUTCOME_DEFINITIONS)
  const agents = context.collection(AGENTS)

  /** The stored definition of one of the user's agents: `null` for none, `undefined` for no agent. */
  function find(userId: number, agentId: string): OutcomeDefinitionRecord | null | undefined {
    if (agents.owned(userId, agentId) === undefined) return undefined
    return definitions.findUnique(String(Number(agentId))) ?? null
  }

  return {
    getOutcomeDefinition(userId, agentId) {
      const record = find(userId, agentId)
      return record === undefined || record === null ? record : presentDefinition(record)
    },

    createOutcomeDefinition(userId, agentId, fields) {
      const existing = find(userId, agentId)
      if (existing === undefined) return undefined
      if (existing !== null)
        throw new Error(`Failed to create outcome definition: agent ${agentId} already has one`)
      const now = context.stamp()
      return presentDefinition(
        definitions.insert({
          id: definitions.takeId(),
          agent_id: Number(agentId),
          primary_outcome: fields.primary_outcome,
          secondary_outcomes: [...(fields.secondary_outcomes ?? [])],
          success_conditions: structuredClone(fields.success_conditions ?? {}),
          failure_conditions: structuredClone(fields.failure_conditions ?? {}),
          escalation_rules: structuredClone(fields.escalation_rules ?? {}),
          outcome_type: OUTCOMES[fields.primary_outcome],
          created_at: now,
          updated_at: now,
          user_id: userId,
        }),
      )
    },

    updateOutcomeDefinition(userId, agentId, fields) {
      const record = find(userId, agentId)
      if (record === undefined || record === null) return undefined
      const primary = fields.primary_outcome ?? record.primary_outcome
      const next: OutcomeDefinitionRecord = {
        ...record,
        primary_outcome: primary,
        secondary_outcomes: [...(fields.secondary_outcomes ?? record.secondary_outcomes)],
        success_conditions: structuredClone(fields.success_conditions ?? record.success_conditions),
        failure_conditions: structuredClone(fields.failure_conditions ?? record.failure_conditions),
        escalation_rules: structuredClone(fields.escalation_rules ?? record.escalation_rules),
        outcome_type: OUTCOMES[primary],
      }
      if (JSON.stringify(next) === JSON.stringify(record)) return presentDefinition(record)
      next.updated_at = context.stamp(record.updated_at)
      definitions.put(next)
      return presentDefinition(next)
    },
  }
}
