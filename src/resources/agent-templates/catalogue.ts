/**
 * The templates the create wizard starts an assistant from, kept as data (`catalogue.json`): the
 * platform's, the same for everyone and in every scenario. Titles are the app's own template
 * names (it pre-fills model and sections for those); each follows the `Default` behaviour.
 */
import { AGENT_BEHAVIOURS } from '../agent-behaviours/catalogue.js'
import { CATALOGUE_CREATED_AT, DEFAULT_BEHAVIOUR_NAME } from '../agent-behaviours/defaults.js'
import catalogue from './catalogue.json' with { type: 'json' }
import { AgentTemplateSchema, type AgentTemplate } from './schemas.js'

const DEFAULT_BEHAVIOUR = AGENT_BEHAVIOURS.find(
  (behaviour) => behaviour.name === DEFAULT_BEHAVIOUR_NAME,
)

/** Every template, by position, as the wire shows it. */
export const AGENT_TEMPLATES: readonly AgentTemplate[] = catalogue.templates.map(
  (template, index) =>
    AgentTemplateSchema.parse({
      ...template,
      active: true,
      position: index + 1,
      agent_behaviour_id: DEFAULT_BEHAVIOUR?.id,
      agent_behaviour: DEFAULT_BEHAVIOUR,
      created_at: CATALOGUE_CREATED_AT,
      updated_at: CATALOGUE_CREATED_AT,
    }),
)
