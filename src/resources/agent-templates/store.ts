/** The agent templates part of the store: the catalogue, the same for every user. */
import { AGENT_TEMPLATES } from './catalogue.js'
import type { AgentTemplate } from './schemas.js'

/** Agent templates, as `mock.store` offers them. */
export interface AgentTemplatesStore {
  /** Every template, by position. */
  listAgentTemplates(): AgentTemplate[]
}

/** The templates' store methods: a read-only catalogue, so no collection and no context. */
export function createAgentTemplatesStore(): AgentTemplatesStore {
  return {
    listAgentTemplates: () => AGENT_TEMPLATES.map((template) => structuredClone(template)),
  }
}
