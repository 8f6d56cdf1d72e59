/** The agent-functions part of the store: each agent's workflows, scoped to the agent's owner. */
import type { StoreContext } from '../../store/context.js'
import { AGENTS } from '../agents/collection.js'
import { AGENT_FUNCTIONS, presentAgentFunction } from './collection.js'
import type { AgentFunction } from './schemas.js'

/** Agent functions, as `mock.store` offers them. */
export interface AgentFunctionsStore {
  /** An agent's workflows by id; `undefined` when the user has no such agent. */
  listAgentFunctions(userId: number, agentId: string): AgentFunction[] | undefined
}

/** The agent functions' store methods, over the store's workflows and agents. */
export function createAgentFunctionsStore(context: StoreContext): AgentFunctionsStore {
  const functions = context.collection(AGENT_FUNCTIONS)
  const agents = context.collection(AGENTS)
  return {
    listAgentFunctions(userId, agentId) {
      if (agents.owned(userId, agentId) === undefined) return undefined
      return [...functions.ownedBy(userId)]
        .filter((record) => record.agent_id === Number(agentId))
        .map(presentAgentFunction)
    },
  }
}
