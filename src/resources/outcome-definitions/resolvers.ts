/** The code behind the three outcome-definition endpoints (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ApiError, failWith } from '../../pipeline/envelope.js'
import { ownerOf, readFields, type FieldsReader } from '../../pipeline/fields.js'
import { failWithRecord } from '../../pipeline/record-errors.js'
import { REASONS } from '../../pipeline/reasons.js'
import { PERMIT } from '../../pipeline/strong-params.js'
import { AGENTS } from '../agents/collection.js'
import type { Resolver } from '../resource.js'
import data from './resource.json' with { type: 'json' }
import {
  CreateOutcomeDefinitionFieldsSchema,
  OutcomeDefinitionFieldsSchema,
  type CreateOutcomeDefinitionFields,
  type OutcomeDefinitionFields,
} from './schemas.js'
import type { OutcomeDefinitionsStore } from './store.js'

type Context = EndpointContext<OutcomeDefinitionsStore>

/** `params.require(:outcome_definition).permit(:primary_outcome, secondary_outcomes: [], …: {})`. */
const PERMIT_DEFINITION = {
  primary_outcome: PERMIT.string,
  secondary_outcomes: PERMIT.stringArray,
  success_conditions: PERMIT.hash,
  failure_conditions: PERMIT.hash,
  escalation_rules: PERMIT.hash,
} as const

const CREATE_FIELDS: FieldsReader<CreateOutcomeDefinitionFields> = {
  wrapper: 'outcome_definition',
  permit: PERMIT_DEFINITION,
  schema: CreateOutcomeDefinitionFieldsSchema,
}

const UPDATE_FIELDS: FieldsReader<OutcomeDefinitionFields> = {
  wrapper: 'outcome_definition',
  permit: PERMIT_DEFINITION,
  schema: OutcomeDefinitionFieldsSchema,
}

// @note Another user's agent answers exactly like a missing one, as for the agent itself.
const agentNotFound = failWithRecord(
  AGENTS,
  'agentId',
  failWith('agent_not_found', data.errors.agent_not_found, data.errorMessages.agentNotFound),
)
const definitionNotFound = failWith(
  'outcome_definition_not_found',
  data.errors.outcome_definition_not_found,
  data.errorMessages.outcomeDefinitionNotFound,
)

/** The path's agent id, and whether that agent has a definition; a foreign or missing agent is the 404. */
function lookUp(context: Context): { owner: number; agentId: string; exists: boolean } {
  const owner = ownerOf(context)
  const agentId = (context.param('agentId') as string | undefined) ?? agentNotFound(context)
  const found = context.store.getOutcomeDefinition(owner, agentId)
  if (found === undefined) agentNotFound(context)
  return { owner, agentId, exists: found !== null }
}

export const resolvers = {
  getOutcomeDefinition(context: Context) {
    const owner = ownerOf(context)
    const agentId = (context.param('agentId') as string | undefined) ?? agentNotFound(context)
    const found = context.store.getOutcomeDefinition(owner, agentId)
    return { data: found === undefined ? agentNotFound(context) : found }
  },
  createOutcomeDefinition(context: Context) {
    const { owner, agentId, exists } = lookUp(context)
    const fields = readFields(context, CREATE_FIELDS)
    // @note A second definition is a uniqueness failure (422), as `validates :agent_id,
    // uniqueness: true` answers; the app then retries with PUT.
    if (exists) throw new ApiError('validation_failed', [data.errorMessages.outcomeDefinitionTaken])
    return {
      data: context.store.createOutcomeDefinition(owner, agentId, fields) ?? agentNotFound(context),
    }
  },
  updateOutcomeDefinition(context: Context) {
    const { owner, agentId, exists } = lookUp(context)
    if (!exists) definitionNotFound(REASONS.missingRecord('outcome definition of agent', agentId))
    return {
      data:
        context.store.updateOutcomeDefinition(owner, agentId, readFields(context, UPDATE_FIELDS)) ??
        agentNotFound(context),
    }
  },
} satisfies Record<string, Resolver<OutcomeDefinitionsStore>>
