/** How `mock.store`'s metrics method checks its arguments (strict, no casting). */
import * as z from 'zod'
import { strictShape, WholeNumberSchema } from '../../internal/input-validation.js'
import { USER_ID, type StoreCalls } from '../../store/store-calls.js'
import type { MetricsStore } from './store.js'

export const METRICS_STORE_CALLS: StoreCalls<MetricsStore> = {
  getMetrics: {
    failure: 'Failed to get metrics',
    args: [
      USER_ID,
      {
        name: 'window',
        schema: strictShape(
          {
            agentId: z.string({ error: "must be an agent's id, such as '123'" }).optional(),
            after: WholeNumberSchema.optional(),
            before: WholeNumberSchema.optional(),
          },
          'field',
        ).optional(),
      },
    ],
  },
}
