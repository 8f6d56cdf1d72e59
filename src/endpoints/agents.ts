import { AGENTS_DEFAULT_SORT, AGENTS_PAGE_SIZE } from '../defaults.js'
import type { EndpointContext, EndpointDefinition } from '../endpoint.js'
import { ApiError, ERROR_MESSAGES, SUCCESS_MESSAGES, toSuccessBody } from '../envelope.js'
import { toAgentId } from '../internal/record-id.js'
import {
  AgentIdSchema,
  AgentResponseSchema,
  CreateAgentFieldsSchema,
  CreateAgentRequestSchema,
  DeleteAgentResponseSchema,
  ListAgentsQuerySchema,
  ListAgentsResponseSchema,
  UpdateAgentFieldsSchema,
  UpdateAgentRequestSchema,
  type Agent,
  type CreateAgentFields,
  type ListAgentsQuery,
  type UpdateAgentFields,
} from '../schemas.js'
import { PERMIT } from '../strong-params.js'
import { ownerOf, parseFields, readFields, type FieldsReader } from './support.js'

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

function notFound(): never {
  // @note Another user's agent answers exactly like a missing one, as for API keys.
  throw new ApiError('agent_not_found', [ERROR_MESSAGES.agentNotFound])
}

/** The `{agentId}` of the path, cast as ActiveRecord casts it; one that names no agent is a missing agent. */
function agentIdOf({ params }: EndpointContext): string {
  return toAgentId(params['agentId']) ?? notFound()
}

/** The query's parameters; an empty value counts as absent, and a repeated one's last value wins (as in Rails). */
function queryFields(query: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [name, value] of query)
    if (value === '') delete fields[name]
    else Object.defineProperty(fields, name, { value, enumerable: true, configurable: true })
  return fields
}

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
  const data = found.slice(offset, offset + Number(query.page_size ?? AGENTS_PAGE_SIZE.default))
  const hasMore = offset + data.length < found.length
  return {
    data,
    total_count: found.length,
    has_more: hasMore,
    next_offset: hasMore ? offset + data.length : null,
  }
}

/** `{agentId}`: an agent's id, a string (documented example: `"123"`). */
const AGENT_ID = { agentId: AgentIdSchema }

/** The five agent endpoints (reference §4.1), as the web app calls them. */
export const AGENT_ENDPOINTS = [
  {
    name: 'listAgents',
    method: 'GET',
    path: '/agents',
    access: 'read',
    response: { status: 200, schema: ListAgentsResponseSchema },
    query: ListAgentsQuerySchema,
    resolve(context) {
      const query = parseFields(ListAgentsQuerySchema, queryFields(context.query))
      const { data, ...page } = pageAgents(context.store.listAgents(ownerOf(context)), query)
      return { status: 200, body: { ...toSuccessBody(200, SUCCESS_MESSAGES.read, data), ...page } }
    },
  },
  {
    name: 'createAgent',
    method: 'POST',
    path: '/agents',
    access: 'write',
    response: { status: 201, schema: AgentResponseSchema },
    body: CreateAgentRequestSchema,
    resolve(context) {
      const fields = readFields(context, CREATE_FIELDS)
      const data = context.store.createAgent(ownerOf(context), fields)
      return { status: 201, body: toSuccessBody(201, SUCCESS_MESSAGES.agentCreated, data) }
    },
  },
  {
    name: 'getAgent',
    method: 'GET',
    path: '/agents/:agentId',
    access: 'read',
    response: { status: 200, schema: AgentResponseSchema },
    params: AGENT_ID,
    errors: ['agent_not_found'],
    resolve(context) {
      const data = context.store.getAgent(ownerOf(context), agentIdOf(context)) ?? notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.read, data) }
    },
  },
  {
    name: 'updateAgent',
    method: 'PUT',
    path: '/agents/:agentId',
    access: 'write',
    response: { status: 200, schema: AgentResponseSchema },
    params: AGENT_ID,
    body: UpdateAgentRequestSchema,
    errors: ['agent_not_found'],
    resolve(context) {
      const userId = ownerOf(context)
      const id = agentIdOf(context)
      // Looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
      if (context.store.getAgent(userId, id) === undefined) notFound()
      const fields = readFields(context, UPDATE_FIELDS)
      const data = context.store.updateAgent(userId, id, fields) ?? notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.agentUpdated, data) }
    },
  },
  {
    name: 'deleteAgent',
    method: 'DELETE',
    path: '/agents/:agentId',
    access: 'write',
    response: { status: 200, schema: DeleteAgentResponseSchema },
    params: AGENT_ID,
    errors: ['agent_not_found'],
    resolve(context) {
      if (!context.store.deleteAgent(ownerOf(context), agentIdOf(context))) notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.agentDeleted) }
    },
  },
] as const satisfies readonly EndpointDefinition[]
