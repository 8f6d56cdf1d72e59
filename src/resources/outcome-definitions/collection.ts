import { defineCollection } from '../../store/collection.js'
import {
  OutcomeDefinitionRecordSchema,
  type OutcomeDefinition,
  type OutcomeDefinitionRecord,
} from './schemas.js'

/** A copy of a stored definition in the wire's field order, without its owner. */
export function presentDefinition(record: OutcomeDefinitionRecord): OutcomeDefinition {
  return {
    id: record.id,
    agent_id: record.agent_id,
    primary_outcome: record.primary_outcome,
    secondary_outcomes: [...record.secondary_outcomes],
    success_conditions: structuredClone(record.success_conditions),
    failure_conditions: structuredClone(record.failure_conditions),
    escalation_rules: structuredClone(record.escalation_rules),
    outcome_type: record.outcome_type,
    created_at: record.created_at,
    updated_at: record.updated_at,
  }
}

/** Outcome definitions: at most one per agent, owned by the agent's owner. */
export const OUTCOME_DEFINITIONS = defineCollection(
  'outcome_definitions',
  'outcome_definition',
  OutcomeDefinitionRecordSchema,
  {
    label: 'outcome definition',
    owner: 'user_id',
    unique: 'agent_id',
    copy: (record: OutcomeDefinitionRecord) => ({
      ...presentDefinition(record),
      user_id: record.user_id,
    }),
  },
)

export const COLLECTIONS = [OUTCOME_DEFINITIONS] as const
