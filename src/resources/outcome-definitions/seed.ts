/**
 * The outcome definitions of each scenario: the documented agent `"123"` has one (the app's
 * Performance tab shows its goals), and about half the generated agents, drawn from a stream of
 * their own; each was set up when its agent was made.
 */
import type { Seeder } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { DOCUMENTED_AGENT } from '../agents/documented.js'
import { OUTCOME_DEFINITIONS } from './collection.js'
import {
  DOCUMENTED_AGENT_OUTCOMES,
  GENERATED_DEFINITION_RATE,
  OUTCOME_DEFINITIONS_STREAM,
  OUTCOMES,
} from './defaults.js'
import { OutcomeSchema, type Outcome } from './schemas.js'

export function seedOutcomeDefinitions(seeder: Seeder): void {
  const rng = seeder.faker(OUTCOME_DEFINITIONS_STREAM)
  for (const agent of seeder.records(AGENTS)) {
    const documented = agent.id === DOCUMENTED_AGENT.id
    if (!documented && !rng.datatype.boolean({ probability: GENERATED_DEFINITION_RATE })) continue
    const [first, ...secondary]: Outcome[] = documented
      ? [DOCUMENTED_AGENT_OUTCOMES.primary_outcome, ...DOCUMENTED_AGENT_OUTCOMES.secondary_outcomes]
      : rng.helpers.arrayElements(OutcomeSchema.options, { min: 1, max: 3 })
    const outcome: Outcome = first ?? DOCUMENTED_AGENT_OUTCOMES.primary_outcome
    seeder.add(OUTCOME_DEFINITIONS, {
      id: seeder.takeId(OUTCOME_DEFINITIONS),
      agent_id: Number(agent.id),
      primary_outcome: outcome,
      secondary_outcomes: secondary,
      success_conditions: { keywords: [] },
      failure_conditions: { failure_keywords: [] },
      escalation_rules: { escalation_keywords: [] },
      outcome_type: OUTCOMES[outcome],
      created_at: agent.created_at,
      updated_at: agent.created_at,
      user_id: agent.user_id,
    })
  }
}
