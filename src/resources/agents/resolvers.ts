/** The code behind the agent endpoints (reference §4.1; `resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { ownerOf, readFields, readQuery, type FieldsReader } from '../../pipeline/fields.js'
import { pageByOffset } from '../../pipeline/pagination.js'
import { failWithRecord } from '../../pipeline/record-errors.js'
import { PERMIT } from '../../pipeline/strong-params.js'
import type { Resolver } from '../resource.js'
import { AGENTS } from './collection.js'
import { AGENTS_DEFAULT_SORT, AGENTS_PAGE_SIZE } from './defaults.js'
import data from './resource.json' with { type: 'json' }
import {
  CreateAgentFieldsSchema,
  ListAgentsQuerySchema,
  UpdateAgentFieldsSchema,
  type Agent,
  type CreateAgentFields,
  type ListAgentsQuery,
  type UpdateAgentFields,
} from './schemas.js'
import type { AgentsStore } from './store.js'

type Context = EndpointContext<AgentsStore>

/**
 * `params.require(:agent).permit(:name, tags: [], conversation_config: {}, platform_settings: {},
 * widget_config: {})`, on create and on update alike; then the model's validations.
 */
const AGENT_PERMIT = {
  name: PERMIT.string,
  tags: PERMIT.stringArray,
  conversation_config: PERMIT.hash,
  platform_settings: PERMIT.hash,
  widget_config: PERMIT.hash,
} as const

const CREATE_FIELDS: FieldsReader<CreateAgentFields> = {
  wrapper: 'agent',
  permit: AGENT_PERMIT,
  schema: CreateAgentFieldsSchema,
}

const UPDATE_FIELDS: FieldsReader<UpdateAgentFields> = {
  wrapper: 'agent',
  permit: AGENT_PERMIT,
  schema: UpdateAgentFieldsSchema,
}

// @note Another user's agent answers exactly like a missing one, as for API keys.
const notFound = failWithRecord(
  AGENTS,
  'agentId',
  failWith('agent_not_found', data.errors.agent_not_found, data.errorMessages.agentNotFound),
)

/** The `{agentId}` of the path, cast as ActiveRecord casts it; one that names no agent is a missing agent. */
const agentIdOf = (context: Context): string =>
  (context.param('agentId') as string) ?? notFound(context)

function compareAgents(by: 'name' | 'created_at'): (a: Agent, b: Agent) => number {
  return (a, b) => {
    const [x, y] =
      by === 'name' ? [a.name.toLowerCase(), b.name.toLowerCase()] : [a.created_at, b.created_at]
    if (x !== y) return x < y ? -1 : 1
    return Number(a.id) - Number(b.id)
  }
}

/**
 * One page of a user's agents: filtered by `search` (a case-insensitive substring of the name or
 * of a tag), sorted (ties by id, in the same direction), from `cursor` or `offset`.
 */
function pageAgents(agents: Agent[], query: ListAgentsQuery) {
  const search = query.search?.toLowerCase()
  const found =
    search === undefined
      ? agents
      : agents.filter(
          (agent) =>
            agent.name.toLowerCase().includes(search) ||
            agent.tags.some((tag) => tag.toLowerCase().includes(search)),
        )
  const compare = compareAgents(query.sort_by ?? AGENTS_DEFAULT_SORT.by)
  const direction = (query.sort_direction ?? AGENTS_DEFAULT_SORT.direction) === 'asc' ? 1 : -1
  found.sort((a, b) => direction * compare(a, b))
  // @note `cursor` is the string form of an offset; when both are sent, the cursor wins.
  const offset = Number(query.cursor ?? query.offset ?? 0)
  const page = pageByOffset(found, offset, Number(query.page_size ?? AGENTS_PAGE_SIZE.default))
  return {
    data: page.data,
    total_count: page.total,
    has_more: page.hasMore,
    next_offset: page.nextOffset,
  }
}

export const resolvers = {
  listAgents: (context: Context) =>
    pageAgents(
      context.store.listAgents(ownerOf(context)),
      readQuery(context, ListAgentsQuerySchema),
    ),
  createAgent: (context: Context) => ({
    data: context.store.createAgent(ownerOf(context), readFields(context, CREATE_FIELDS)),
  }),
  getAgent: (context: Context) => ({
    data: context.store.getAgent(ownerOf(context), agentIdOf(context)) ?? notFound(context),
  }),
  updateAgent(context: Context) {
    const [owner, id] = [ownerOf(context), agentIdOf(context)]
    // Looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
    if (context.store.getAgent(owner, id) === undefined) notFound(context)
    return {
      data:
        context.store.updateAgent(owner, id, readFields(context, UPDATE_FIELDS)) ??
        notFound(context),
    }
  },
  publishAgent: (context: Context) => ({
    data: context.store.publishAgent(ownerOf(context), agentIdOf(context)) ?? notFound(context),
  }),
  deleteAgent: (context: Context) =>
    context.store.deleteAgent(ownerOf(context), agentIdOf(context)) ? {} : notFound(context),
} satisfies Record<string, Resolver<AgentsStore>>
