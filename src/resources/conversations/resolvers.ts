/** The code behind the two conversation endpoints (reference §4.3; `resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ApiError, failWith } from '../../pipeline/envelope.js'
import { ownerOf, readQuery } from '../../pipeline/fields.js'
import { RawReply } from '../../pipeline/raw-reply.js'
import type { Resolver } from '../resource.js'
import { createConversationAudio } from './audio.js'
import { AUDIO } from './defaults.js'
import { hasElevenLabsKey } from './elevenlabs-key.js'
import { toConversationQuery } from './query.js'
import data from './resource.json' with { type: 'json' }
import { ListConversationsQuerySchema } from './schemas.js'
import type { IntegrationsStore } from '../integrations/store.js'
import type { ConversationsStore } from './store.js'

type Store = ConversationsStore & Pick<IntegrationsStore, 'getIntegration'>
type Context = EndpointContext<Store>

// @note Another user's conversation answers exactly like a missing one, as for keys and agents.
const notFound = failWith(
  'conversation_not_found',
  data.errors.conversation_not_found,
  data.errorMessages.conversationNotFound,
)

const invalidCursor = (): never => {
  throw new ApiError('validation_failed', [data.errorMessages.invalidCursor])
}

/**
 * The caller, once they are known to have an ElevenLabs key: both endpoints read ElevenLabs with
 * it, so its absence is the documented 400 before anything else (a `before_action`, in Rails).
 */
function callerWithKey(context: Context): number {
  const owner = ownerOf(context)
  if (!hasElevenLabsKey(context.store, owner))
    throw new ApiError(
      { code: 'missing_api_key', ...data.errors.missing_api_key },
      [data.errorMessages.missingApiKey],
      { details: 'Connect an ElevenLabs integration (integration_type elevenlabs) first' },
    )
  return owner
}

export const resolvers = {
  listConversations(context: Context) {
    const owner = callerWithKey(context)
    const query = toConversationQuery(readQuery(context, ListConversationsQuerySchema))
    return { ...(context.store.listConversations(owner, query) ?? invalidCursor()) }
  },
  getConversation(context: Context) {
    const owner = callerWithKey(context)
    const id = (context.param('conversationId') as string | undefined) ?? notFound()
    return { data: context.store.getConversation(owner, id) ?? notFound() }
  },
  getConversationAudio(context: Context) {
    const owner = callerWithKey(context)
    const id = (context.param('conversationId') as string | undefined) ?? notFound()
    if (context.store.getConversation(owner, id) === undefined) notFound()
    return new RawReply(AUDIO.contentType, createConversationAudio(id))
  },
} satisfies Record<string, Resolver<Store>>
