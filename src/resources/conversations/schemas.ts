/** Conversations on the wire (reference §4.3), fields in the documented order. */
import * as z from 'zod'
import { Id, StatusSchema, Timestamp } from '../../pipeline/wire.js'
import { AgentIdSchema } from '../agents/schemas.js'
import { CONVERSATIONS_PAGE_SIZE } from './defaults.js'

/** A conversation id's characters: drawn text like the documented `conv_abc123` (no dot: a dot starts a format). */
export const CONVERSATION_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/
export const ConversationIdSchema = z.string().regex(CONVERSATION_ID_PATTERN)

/** Whether a call reached its goal (the list's `call_successful` filter). */
export const CallSuccessfulSchema = z.enum(['success', 'failure'])
export type CallSuccessful = z.infer<typeof CallSuccessfulSchema>

/** One line of a transcript, as documented: who spoke, what they said, and when. */
export const ConversationMessageSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  timestamp: Timestamp,
})
export type ConversationMessage = z.infer<typeof ConversationMessageSchema>

/**
 * One line as it is sent: the documented fields, then what the web app reads (client evidence,
 * its `Conversation.transcript`): the words again as `message`, and seconds into the call.
 */
export const ConversationLineSchema = ConversationMessageSchema.extend({
  message: z.string().optional(),
  time_in_call_secs: z.number().int().nonnegative().optional(),
})

/** A call's cost as the web app reads it (`Conversation.cost`; client evidence). */
export const ConversationCostSchema = z.strictObject({
  amount_cents: z.number().int().nonnegative(),
  amount_dollars: z.number().nonnegative(),
  formatted: z.string(),
})

/**
 * What the web app reads of a conversation beyond the documented fields (client evidence: its
 * `Conversation` type and the Conversations screens), sent after them: the id as `id`, the
 * outcome, the date, length and message count as it displays them, the summary and the cost.
 * Optional: the fake always sends them, the docs' example has none of them.
 */
const APP_FIELDS = {
  id: z.string().optional(),
  call_successful: CallSuccessfulSchema.optional(),
  date: z.string().optional(),
  duration: z.string().optional(),
  messages: z.number().int().nonnegative().optional(),
  summary: z.string().optional(),
  cost: ConversationCostSchema.optional(),
}

/** `metadata`, as documented: the call's length in seconds, its quality and a summary. */
export const ConversationMetadataSchema = z.strictObject({
  duration: z.number().int().nonnegative(),
  call_quality: z.string(),
  summary: z.string(),
})

/** One conversation as `GET /conversations/{id}` sends it, fields in the documented order. */
export const ConversationSchema = z.strictObject({
  conversation_id: ConversationIdSchema,
  agent_id: AgentIdSchema,
  agent_name: z.string(),
  status: z.string(),
  transcript: z.array(ConversationLineSchema),
  metadata: ConversationMetadataSchema,
  created_at: Timestamp,
  ...APP_FIELDS,
})
export type Conversation = z.infer<typeof ConversationSchema>

/** One conversation of a list: the same object without `transcript`; `summary` unless excluded. */
export const ConversationListItemSchema = ConversationSchema.omit({ transcript: true }).extend({
  metadata: ConversationMetadataSchema.partial({ summary: true }),
})
export type ConversationListItem = z.infer<typeof ConversationListItemSchema>

/** `GET /conversations` → 200: a page, whether more follow, and the cursor of the next page. */
export const ListConversationsResponseSchema = z.strictObject({
  status: StatusSchema,
  data: z.array(ConversationListItemSchema),
  has_more: z.boolean(),
  cursor: z.string().nullable(),
})
export type ListConversationsResponse = z.infer<typeof ListConversationsResponseSchema>

/** `GET /conversations/{id}` → 200. */
export const ConversationResponseSchema = z.strictObject({
  status: StatusSchema,
  data: ConversationSchema,
})
export type ConversationResponse = z.infer<typeof ConversationResponseSchema>

/** `page_size` as text: 1 to 100, or the 422 naming the range. */
const pageSize = z
  .string()
  .regex(
    /^(?:[1-9]\d?|100)$/,
    `Page size must be between ${CONVERSATIONS_PAGE_SIZE.min} and ${CONVERSATIONS_PAGE_SIZE.max}`,
  )

/** A Unix time in whole seconds as text, or the 422 naming the parameter. */
const unixSeconds = (label: string) =>
  z.string().regex(/^\d{1,12}$/, `${label} must be a Unix time in whole seconds`)

/**
 * `GET /conversations` query parameters in the documented order, as strings; every one optional,
 * an empty value counts as absent.
 */
export const ListConversationsQuerySchema = z.object({
  agent_id: z.string().optional(),
  page_size: pageSize.optional(),
  call_successful: z
    .enum(['success', 'failure'], { error: "Call successful must be 'success' or 'failure'" })
    .optional(),
  call_start_before_unix: unixSeconds('Call start before unix').optional(),
  call_start_after_unix: unixSeconds('Call start after unix').optional(),
  user_id: z.string().optional(),
  summary_mode: z
    .enum(['include', 'exclude'], { error: "Summary mode must be 'include' or 'exclude'" })
    .optional(),
  cursor: z.string().optional(),
})
export type ListConversationsQuery = z.infer<typeof ListConversationsQuerySchema>

/**
 * A conversation as the store keeps it: what it needs, not what it shows. Its transcript, summary
 * and call quality are generated on read from `transcript_seed`, unless given (the documented
 * conversation, `addConversation` with content): so a million conversations fit in memory.
 * `user_id` is the owner (the agent's); `caller_id` is who called, what the list's `user_id`
 * filter matches (ElevenLabs' `user_id`).
 */
export const ConversationRecordSchema = z.strictObject({
  id: ConversationIdSchema,
  agent_id: AgentIdSchema,
  user_id: Id,
  start_time_unix_secs: z.number().int().nonnegative(),
  duration: z.number().int().nonnegative(),
  call_successful: CallSuccessfulSchema,
  caller_id: z.string().nullable(),
  transcript_seed: z.number().int().nonnegative().max(0xffffffff),
  status: z.string().optional(),
  call_quality: z.string().optional(),
  summary: z.string().optional(),
  transcript: z.array(ConversationMessageSchema).optional(),
})
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>

/**
 * `GET /conversations/{id}/audio` → 200: WAV bytes, not JSON (`audio/wav`). A schema for the
 * OpenAPI document only: the core sends the bytes as they are.
 */
export const ConversationAudioSchema = z
  .string()
  .meta({ format: 'binary', description: 'A WAV file: 16-bit mono PCM.' })
