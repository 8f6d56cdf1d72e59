/** The code behind the agent-template endpoint (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import type { Resolver } from '../resource.js'
import type { AgentTemplatesStore } from './store.js'

type Context = EndpointContext<AgentTemplatesStore>

export const resolvers = {
  listAgentTemplates: (context: Context) => ({ data: context.store.listAgentTemplates() }),
} satisfies Record<string, Resolver<AgentTemplatesStore>>
