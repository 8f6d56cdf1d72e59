/** Agents on the wire (reference §4.1), as the docs and the web app show them. */
import * as z from 'zod'
import { envelopeOf, statusOnly } from '../../pipeline/wire.js'
import {
  Id,
  jsonObjectField,
  JsonObject,
  presentText,
  stringList,
  Timestamp,
} from '../../pipeline/wire.js'
import { AgentPhoneNumberSchema } from '../phone-numbers/schemas.js'
import { AGENTS_PAGE_SIZE } from './defaults.js'

export { AgentPhoneNumberSchema }

/** Agent ids are strings of positive integers in canonical form (documented example: `"123"`). */
export const AgentIdSchema = z.string().regex(/^[1-9]\d{0,15}$/)

/**
 * One agent as the API sends it, fields in the documented order (reference §4.1).
 * `widget_config` comes after `platform_settings` once it has been set, and is absent before.
 */
export const AgentSchema = z.strictObject({
  id: AgentIdSchema,
  name: z.string(),
  tags: z.array(z.string()),
  conversation_config: JsonObject,
  platform_settings: JsonObject,
  widget_config: JsonObject.optional(),
  published: z.boolean(),
  published_at: Timestamp.nullable(),
  elevenlabs_agent_id: z.string(),
  version: z.number().int().positive(),
  phone_numbers: z.array(AgentPhoneNumberSchema),
  user_id: Id,
  user_email: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
})

/**
 * An agent as the store keeps it: the wire's fields but `phone_numbers`, which are the phone
 * numbers attached to it (`resources/phone-numbers`), listed when the agent is read.
 */
export const AgentRecordSchema = AgentSchema.omit({ phone_numbers: true })

/** `GET /agents` → 200: a page of agents, the filtered total and where the next page starts. */
export const ListAgentsResponseSchema = envelopeOf(z.array(AgentSchema), {
  total_count: z.number().int().nonnegative(),
  has_more: z.boolean(),
  next_offset: z.number().int().nonnegative().nullable(),
})

/** `GET /agents/{id}` → 200, `POST /agents` → 201 and `PUT /agents/{id}` → 200. */
export const AgentResponseSchema = envelopeOf(AgentSchema)

/** `DELETE /agents/{id}` → 200: `status` only, as documented. */
export const DeleteAgentResponseSchema = statusOnly()

const agentFields = {
  tags: stringList('Tags').optional(),
  conversation_config: jsonObjectField('Conversation config').optional(),
  platform_settings: jsonObjectField('Platform settings').optional(),
  widget_config: jsonObjectField('Widget config').optional(),
}

/** The fields inside `{"agent": {...}}` on create: `name` is required. Unknown fields are dropped. */
export const CreateAgentFieldsSchema = z.object({ name: presentText('Name'), ...agentFields })

/** `POST /agents` request body. */
export const CreateAgentRequestSchema = z.object({ agent: CreateAgentFieldsSchema })

/** The fields inside `{"agent": {...}}` on update, as documented; anything else is dropped. */
export const UpdateAgentFieldsSchema = z.object({
  name: presentText('Name').optional(),
  ...agentFields,
})

/** `PUT /agents/{id}` request body. */
export const UpdateAgentRequestSchema = z.object({ agent: UpdateAgentFieldsSchema })

const WHOLE_NUMBER = /^\d{1,15}$/
const PAGE_SIZE_RULE = `Page size must be between ${AGENTS_PAGE_SIZE.min} and ${AGENTS_PAGE_SIZE.max}`

/**
 * `GET /agents` query parameters, as strings (a query has no other type). Every one is optional;
 * an empty value counts as absent.
 */
export const ListAgentsQuerySchema = z.object({
  search: z.string().optional(),
  page_size: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, PAGE_SIZE_RULE)
    .refine((size) => Number(size) <= AGENTS_PAGE_SIZE.max, PAGE_SIZE_RULE)
    .optional(),
  offset: z.string().regex(WHOLE_NUMBER, 'Offset must be a whole number of at least 0').optional(),
  cursor: z.string().regex(WHOLE_NUMBER, 'Cursor is not a valid cursor').optional(),
  sort_by: z
    .enum(['name', 'created_at'], { error: "Sort by must be 'name' or 'created_at'" })
    .optional(),
  sort_direction: z
    .enum(['asc', 'desc'], { error: "Sort direction must be 'asc' or 'desc'" })
    .optional(),
})

// The types, each inferred from the schema of its name.
export type Agent = z.infer<typeof AgentSchema>
export type AgentRecord = z.infer<typeof AgentRecordSchema>
export type ListAgentsResponse = z.infer<typeof ListAgentsResponseSchema>
export type AgentResponse = z.infer<typeof AgentResponseSchema>
export type DeleteAgentResponse = z.infer<typeof DeleteAgentResponseSchema>
export type CreateAgentFields = z.infer<typeof CreateAgentFieldsSchema>
export type CreateAgentRequest = z.input<typeof CreateAgentRequestSchema>
export type UpdateAgentFields = z.infer<typeof UpdateAgentFieldsSchema>
export type UpdateAgentRequest = z.input<typeof UpdateAgentRequestSchema>
export type ListAgentsQuery = z.infer<typeof ListAgentsQuerySchema>
