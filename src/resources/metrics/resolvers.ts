/** The code behind `GET /metrics`, as the web app's overview calls it (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { ownerOf, readQuery } from '../../pipeline/fields.js'
import type { Resolver } from '../resource.js'
import { MetricsQuerySchema } from './schemas.js'
import type { MetricsStore } from './store.js'

type Context = EndpointContext<MetricsStore>

const toSeconds = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : Number(text)

export const resolvers = {
  getMetrics(context: Context) {
    const query = readQuery(context, MetricsQuerySchema)
    return {
      data: context.store.getMetrics(ownerOf(context), {
        agentId: query.agent_id,
        after: toSeconds(query.call_start_after_unix),
        before: toSeconds(query.call_start_before_unix),
      }),
    }
  },
} satisfies Record<string, Resolver<MetricsStore>>
