/** The code behind the agent-functions endpoint (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { ownerOf } from '../../pipeline/fields.js'
import { failWithRecord } from '../../pipeline/record-errors.js'
import { AGENTS } from '../agents/collection.js'
import type { Resolver } from '../resource.js'
import data from './resource.json' with { type: 'json' }
import type { AgentFunctionsStore } from './store.js'

type Context = EndpointContext<AgentFunctionsStore>

// @note Another user's agent answers exactly like a missing one, as for the agent itself.
const agentNotFound = failWithRecord(
  AGENTS,
  'agentId',
  failWith('agent_not_found', data.errors.agent_not_found, data.errorMessages.agentNotFound),
)

export const resolvers = {
  listAgentFunctions(context: Context) {
    const agentId = (context.param('agentId') as string | undefined) ?? agentNotFound(context)
    return {
      data: context.store.listAgentFunctions(ownerOf(context), agentId) ?? agentNotFound(context),
    }
  },
} satisfies Record<string, Resolver<AgentFunctionsStore>>
