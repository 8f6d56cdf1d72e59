/** The code behind the two voice endpoints (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { readQuery } from '../../pipeline/fields.js'
import { REASONS } from '../../pipeline/reasons.js'
import type { Resolver } from '../resource.js'
import data from './resource.json' with { type: 'json' }
import { ListVoicesQuerySchema } from './schemas.js'
import type { VoicesStore } from './store.js'

type Context = EndpointContext<VoicesStore>

const fail = failWith(
  'voice_not_found',
  data.errors.voice_not_found,
  data.errorMessages.voiceNotFound,
)

export const resolvers = {
  listVoices: (context: Context) => ({
    data: context.store.listVoices(readQuery(context, ListVoicesQuerySchema)),
  }),
  getVoice(context: Context) {
    const id = (context.param('voiceId') as string | undefined) ?? ''
    return { data: context.store.getVoice(id) ?? fail(REASONS.missingRecord('voice', id)) }
  },
} satisfies Record<string, Resolver<VoicesStore>>
