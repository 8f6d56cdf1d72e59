/** The code behind the two agent-behaviour endpoints (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { REASONS } from '../../pipeline/reasons.js'
import type { Resolver } from '../resource.js'
import data from './resource.json' with { type: 'json' }
import type { AgentBehavioursStore } from './store.js'

type Context = EndpointContext<AgentBehavioursStore>

const fail = failWith(
  'agent_behaviour_not_found',
  data.errors.agent_behaviour_not_found,
  data.errorMessages.agentBehaviourNotFound,
)

export const resolvers = {
  listAgentBehaviours: (context: Context) => ({ data: context.store.listAgentBehaviours() }),
  getAgentBehaviour(context: Context) {
    const id = context.param('behaviourId') as number | undefined
    const found = id === undefined ? undefined : context.store.getAgentBehaviour(id)
    return {
      data:
        found ??
        fail(REASONS.missingRecord('agent behaviour', id ?? context.params['behaviourId'] ?? '')),
    }
  },
} satisfies Record<string, Resolver<AgentBehavioursStore>>
