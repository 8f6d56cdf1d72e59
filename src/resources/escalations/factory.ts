import { toTimestamp } from '../../internal/time.js'
import type { Faker } from '../../store/random.js'
import type { ConversationRecord } from '../conversations/schemas.js'
import { ESCALATION_HANDLERS, ESCALATION_STORIES } from './defaults.js'
import { HandoffStatusSchema, type EscalationRecord } from './schemas.js'

/**
 * A generated escalation of a conversation: raised a minute into the call, one of the stories,
 * a drawn status; a handler and a handling time unless it is pending.
 */
export function createEscalationData(
  faker: Faker,
  fields: { id: number; conversation: ConversationRecord },
): EscalationRecord {
  const { id, conversation } = fields
  const story = faker.helpers.arrayElement(ESCALATION_STORIES)
  const status = faker.helpers.arrayElement(HandoffStatusSchema.options)
  const raisedAt = conversation.start_time_unix_secs + Math.min(60, conversation.duration)
  const handled = status === 'completed' || status === 'cancelled'
  const handler = faker.helpers.arrayElement(ESCALATION_HANDLERS)
  const createdAt = toTimestamp(new Date(raisedAt * 1000))
  const handledAt = toTimestamp(new Date((raisedAt + 15 * 60) * 1000))
  return {
    id,
    // @note The app's outcome id: the fake keeps no outcomes, so each escalation counts its own.
    conversation_outcome_id: id,
    escalation_policy_id: null,
    trigger_reason: story.trigger_reason,
    handoff_status: status,
    context_summary: story.context_summary,
    intent: story.intent,
    transcript_excerpt: story.transcript_excerpt,
    handled_by: status === 'pending' ? null : handler,
    handled_at: handled ? handledAt : null,
    created_at: createdAt,
    updated_at: handled ? handledAt : createdAt,
    agent_id: conversation.agent_id,
    user_id: conversation.user_id,
  }
}
