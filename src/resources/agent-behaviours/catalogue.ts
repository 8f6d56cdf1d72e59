/**
 * The behaviours every user's assistants can follow, kept as data (`catalogue.json`): the
 * platform's, the same for everyone and in every scenario. `Default` comes first.
 */
import catalogue from './catalogue.json' with { type: 'json' }
import { CATALOGUE_CREATED_AT } from './defaults.js'
import { AgentBehaviourSchema, type AgentBehaviour } from './schemas.js'

/** Every behaviour, by position, as the wire shows it. */
export const AGENT_BEHAVIOURS: readonly AgentBehaviour[] = catalogue.behaviours.map(
  (behaviour, index) =>
    AgentBehaviourSchema.parse({
      id: behaviour.id,
      name: behaviour.name,
      description: behaviour.description,
      active: true,
      position: index + 1,
      sections: behaviour.sections,
      created_at: CATALOGUE_CREATED_AT,
      updated_at: CATALOGUE_CREATED_AT,
    }),
)
