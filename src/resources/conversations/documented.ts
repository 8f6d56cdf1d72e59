import { DOCUMENTED_AGENT } from '../agents/documented.js'
import type { ConversationRecord } from './schemas.js'

/**
 * Conversation `conv_abc123` as the Get Conversation example shows it (reference §4.3,
 * `fixtures/get-conversation.data.json`): on the documented agent `"123"`, so owned by user 1, its
 * transcript, quality and summary kept as written. It starts at the example's `created_at`
 * (2024-01-15T10:30:00Z). The docs show no outcome nor caller: `success` (the summary reads as a
 * call that went well), and no caller id.
 */
export const DOCUMENTED_CONVERSATION: Readonly<ConversationRecord> =
  Object.freeze<ConversationRecord>({
    id: 'conv_abc123',
    agent_id: DOCUMENTED_AGENT.id,
    user_id: DOCUMENTED_AGENT.user_id,
    start_time_unix_secs: 1_705_314_600,
    duration: 120,
    call_successful: 'success',
    caller_id: null,
    transcript_seed: 0,
    status: 'completed',
    call_quality: 'good',
    summary: 'Customer inquired about order status for order #12345',
    transcript: [
      {
        role: 'user',
        content: 'Hello, I need help with my order',
        timestamp: '2024-01-15T10:30:00Z',
      },
      {
        role: 'assistant',
        content: "I'd be happy to help you with your order. Can you provide your order number?",
        timestamp: '2024-01-15T10:30:05Z',
      },
      { role: 'user', content: 'My order number is 12345', timestamp: '2024-01-15T10:30:15Z' },
      {
        role: 'assistant',
        content: 'Thank you. I can see your order is currently being processed...',
        timestamp: '2024-01-15T10:30:20Z',
      },
    ],
  })
