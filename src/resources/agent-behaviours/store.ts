/** The agent behaviours part of the store: the catalogue, the same for every user. */
import { AGENT_BEHAVIOURS } from './catalogue.js'
import type { AgentBehaviour } from './schemas.js'

/** Agent behaviours, as `mock.store` offers them. */
export interface AgentBehavioursStore {
  /** Every behaviour, by position. */
  listAgentBehaviours(): AgentBehaviour[]
  getAgentBehaviour(id: number): AgentBehaviour | undefined
}

/** The behaviours' store methods: a read-only catalogue, so no collection and no context. */
export function createAgentBehavioursStore(): AgentBehavioursStore {
  return {
    listAgentBehaviours: () => AGENT_BEHAVIOURS.map((behaviour) => structuredClone(behaviour)),
    getAgentBehaviour(id) {
      const behaviour = AGENT_BEHAVIOURS.find((candidate) => candidate.id === id)
      return behaviour === undefined ? undefined : structuredClone(behaviour)
    },
  }
}
