/** The documented examples `resource.json` names (`fixtures/`, verbatim), by file name. */
import getConversationData from '../../../fixtures/get-conversation.data.json' with { type: 'json' }

export const fixtures = {
  // The `data` of the Get Conversation example (the page shows `data` alone).
  'get-conversation.data.json': getConversationData,
}
