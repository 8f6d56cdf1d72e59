/** Outcome definitions on the wire: the web app's `OutcomeDefinition` type (real-client evidence). */
import * as z from 'zod'
import { envelopeOf, Id, JsonObject, Timestamp } from '../../pipeline/wire.js'
import { OUTCOMES } from './defaults.js'

const OUTCOME_NAMES = Object.keys(OUTCOMES) as [keyof typeof OUTCOMES, ...(keyof typeof OUTCOMES)[]]

/** One of the app's ten outcomes. */
export const OutcomeSchema = z.enum(OUTCOME_NAMES)
export type Outcome = z.infer<typeof OutcomeSchema>

/**
 * An agent's goals, fields in the order of the app's type. The three condition objects are kept
 * as sent (the app writes `keywords`, `failure_keywords` and camelCase keys in the escalation
 * rules); `outcome_type` is the primary outcome's kind. `agent_id` is a number, as the app types it.
 */
export const OutcomeDefinitionSchema = z.strictObject({
  id: Id,
  agent_id: Id,
  primary_outcome: OutcomeSchema,
  secondary_outcomes: z.array(OutcomeSchema),
  success_conditions: JsonObject,
  failure_conditions: JsonObject,
  escalation_rules: JsonObject,
  outcome_type: z.enum(['sales', 'support', 'general']),
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** An outcome definition as the store keeps it: the wire's fields and its owner. */
export const OutcomeDefinitionRecordSchema = OutcomeDefinitionSchema.extend({ user_id: Id })

/** `GET /agents/{id}/outcome_definition` → 200: the definition, or `null` when there is none. */
export const OutcomeDefinitionOrNullResponseSchema = envelopeOf(OutcomeDefinitionSchema.nullable())

/** `POST` → 201 and `PUT` → 200 `/agents/{id}/outcome_definition`. */
export const OutcomeDefinitionResponseSchema = envelopeOf(OutcomeDefinitionSchema)

const PRIMARY_RULE = 'Primary outcome is not included in the list'
const SECONDARY_RULE = 'Secondary outcomes contain an outcome that is not in the list'

/** The fields inside `{"outcome_definition": {...}}` (permitted and cast); all optional on update. */
export const OutcomeDefinitionFieldsSchema = z.object({
  primary_outcome: z.enum(OUTCOME_NAMES, { error: PRIMARY_RULE }).optional(),
  secondary_outcomes: z.array(z.enum(OUTCOME_NAMES, { error: SECONDARY_RULE })).optional(),
  success_conditions: JsonObject.optional(),
  failure_conditions: JsonObject.optional(),
  escalation_rules: JsonObject.optional(),
})

/** On create, `primary_outcome` is required. */
export const CreateOutcomeDefinitionFieldsSchema = OutcomeDefinitionFieldsSchema.extend({
  primary_outcome: z.enum(OUTCOME_NAMES, {
    error: (issue) => (issue.input === undefined ? "Primary outcome can't be blank" : PRIMARY_RULE),
  }),
})

/** `POST /agents/{id}/outcome_definition` request body. */
export const CreateOutcomeDefinitionRequestSchema = z.object({
  outcome_definition: CreateOutcomeDefinitionFieldsSchema,
})

/** `PUT /agents/{id}/outcome_definition` request body. */
export const UpdateOutcomeDefinitionRequestSchema = z.object({
  outcome_definition: OutcomeDefinitionFieldsSchema,
})

export type OutcomeDefinition = z.infer<typeof OutcomeDefinitionSchema>
export type OutcomeDefinitionRecord = z.infer<typeof OutcomeDefinitionRecordSchema>
export type OutcomeDefinitionFields = z.infer<typeof OutcomeDefinitionFieldsSchema>
export type CreateOutcomeDefinitionFields = z.infer<typeof CreateOutcomeDefinitionFieldsSchema>
export type OutcomeDefinitionResponse = z.infer<typeof OutcomeDefinitionResponseSchema>
export type OutcomeDefinitionOrNullResponse = z.infer<typeof OutcomeDefinitionOrNullResponseSchema>
export type CreateOutcomeDefinitionRequest = z.input<typeof CreateOutcomeDefinitionRequestSchema>
export type UpdateOutcomeDefinitionRequest = z.input<typeof UpdateOutcomeDefinitionRequestSchema>
