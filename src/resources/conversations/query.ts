/**
 * The conversations' store methods take typed arguments: the list's query (the request's text
 * parameters, cast) and what `addConversation` may set. Their schemas check `mock.store` calls.
 */
import * as z from 'zod'
import { numberWhere, oneOf, WholeNumberSchema } from '../../internal/input-validation.js'
import { toTextRecordId } from '../../pipeline/record-id.js'
import { CONVERSATIONS_PAGE_SIZE } from './defaults.js'
import { CONVERSATION_ID_PATTERN, type ListConversationsQuery } from './schemas.js'

const text = z.string({ error: 'must be a string' })
const { min, max } = CONVERSATIONS_PAGE_SIZE
const timestamp = z.iso.datetime({
  precision: 0,
  error: 'must be an ISO 8601 UTC timestamp without fractions, like 2024-01-15T10:30:00Z',
})

/** `listConversations(userId, query)`: the list's parameters, typed, all optional. */
export const ConversationQuerySchema = z.object({
  agent_id: text.optional(),
  page_size: numberWhere(
    (size) => Number.isInteger(size) && size >= min && size <= max,
    `must be a whole number from ${min} to ${max}`,
  ).optional(),
  call_successful: oneOf(['success', 'failure']).optional(),
  call_start_before_unix: WholeNumberSchema.optional(),
  call_start_after_unix: WholeNumberSchema.optional(),
  user_id: text.optional(),
  summary_mode: oneOf(['include', 'exclude']).optional(),
  cursor: text.optional(),
})
export type ConversationQuery = z.infer<typeof ConversationQuerySchema>

/** `addConversation(userId, agentId, init)`: what may be set; the rest is generated. */
export const AddConversationInitSchema = z
  .object({
    conversation_id: z
      .string({ error: 'must be a string' })
      .regex(CONVERSATION_ID_PATTERN, { error: 'must be 1 to 100 letters, digits, _ or -' }),
    created_at: timestamp,
    duration: WholeNumberSchema,
    call_successful: oneOf(['success', 'failure']),
    caller_id: text.nullable(),
    status: text.min(1, { error: 'must be a non-empty string' }),
    call_quality: text.min(1, { error: 'must be a non-empty string' }),
    summary: text,
    transcript: z.array(
      z.strictObject({ role: oneOf(['user', 'assistant']), content: text, timestamp }),
      { error: 'must be an array of { role, content, timestamp }' },
    ),
  })
  .partial()
export type AddConversationInit = z.infer<typeof AddConversationInitSchema>

/**
 * The request's query (text) as the store's: numbers read, and `agent_id` cast as an agent's path
 * id is (`0123` names agent `"123"`; text that names no agent is kept, and matches nothing).
 */
export function toConversationQuery(query: ListConversationsQuery): ConversationQuery {
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value))
  return {
    agent_id:
      query.agent_id === undefined ? undefined : (toTextRecordId(query.agent_id) ?? query.agent_id),
    page_size: number(query.page_size),
    call_successful: query.call_successful,
    call_start_before_unix: number(query.call_start_before_unix),
    call_start_after_unix: number(query.call_start_after_unix),
    user_id: query.user_id,
    summary_mode: query.summary_mode,
    cursor: query.cursor,
  }
}
