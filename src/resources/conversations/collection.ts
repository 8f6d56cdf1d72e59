import { defineCollection } from '../../store/collection.js'
import { ConversationRecordSchema, type ConversationRecord } from './schemas.js'

/**
 * A copy of a stored conversation, fields in the record's order: the eight every conversation
 * has, then the content given instead of generated, when there is any.
 */
export function copyConversation(record: ConversationRecord): ConversationRecord {
  const { status, call_quality: quality, summary, transcript } = record
  return {
    id: record.id,
    agent_id: record.agent_id,
    user_id: record.user_id,
    start_time_unix_secs: record.start_time_unix_secs,
    duration: record.duration,
    call_successful: record.call_successful,
    caller_id: record.caller_id,
    transcript_seed: record.transcript_seed,
    ...(status === undefined ? {} : { status }),
    ...(quality === undefined ? {} : { call_quality: quality }),
    ...(summary === undefined ? {} : { summary }),
    ...(transcript === undefined ? {} : { transcript: transcript.map((line) => ({ ...line })) }),
  }
}

/** Conversations, under their drawn text ids (`conv_…`), owned by their agent's owner. */
export const CONVERSATIONS = defineCollection(
  'conversations',
  'conversation',
  ConversationRecordSchema,
  {
    label: 'conversation',
    owner: 'user_id',
    drawnIds: true,
    copy: copyConversation,
  },
)

export const COLLECTIONS = [CONVERSATIONS] as const
