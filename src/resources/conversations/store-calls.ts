/** How `mock.store`'s conversation methods check their arguments (strict, no casting). */
import { strictShape, WholeNumberSchema } from '../../internal/input-validation.js'
import {
  EXISTING_USER_ID,
  TextIdSchema,
  UNCHECKED,
  type StoreCalls,
} from '../../store/store-calls.js'
import { AddConversationInitSchema, ConversationQuerySchema } from './query.js'
import type { ConversationsStore } from './store.js'

/** An agent's id; the method itself checks that it is one of the user's agents. */
const AGENT_ID = { name: 'agentId', schema: TextIdSchema }
const QUERY = {
  name: 'query',
  schema: strictShape(ConversationQuerySchema.shape, 'field').optional(),
}
const INIT = {
  name: 'init',
  schema: strictShape(AddConversationInitSchema.shape, 'field').optional(),
}

export const CONVERSATION_STORE_CALLS: StoreCalls<ConversationsStore> = {
  listConversations: { failure: 'Failed to list conversations', args: [UNCHECKED, QUERY] },
  addConversation: {
    failure: 'Failed to add conversation',
    args: [EXISTING_USER_ID, AGENT_ID, INIT],
  },
  // @note Checked once per call, never per conversation: a million take a few seconds.
  generateConversations: {
    failure: 'Failed to generate conversations',
    args: [EXISTING_USER_ID, AGENT_ID, { name: 'count', schema: WholeNumberSchema }],
  },
}
