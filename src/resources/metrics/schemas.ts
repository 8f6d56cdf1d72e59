/**
 * The overview's metrics on the wire, as the web app types them (`Metrics`, `api.ts:1093-1104`;
 * real-client evidence). The keys are camelCase, and the costs JSON numbers: the overview formats
 * them with `toFixed(2)`.
 */
import * as z from 'zod'
import { envelopeOf } from '../../pipeline/wire.js'

/** One period's figures. */
export const PeriodMetricsSchema = z.strictObject({
  numberOfCalls: z.number().int().nonnegative(),
  /** The mean call length as `m:ss`. */
  avgDuration: z.string().regex(/^\d+:[0-5]\d$/),
  totalCost: z.number().nonnegative(),
  avgCost: z.number().nonnegative(),
})
export type PeriodMetrics = z.infer<typeof PeriodMetricsSchema>

/** The window's figures, then those of the window of the same length just before it. */
export const MetricsSchema = PeriodMetricsSchema.extend({
  previousPeriodMetrics: PeriodMetricsSchema,
})
export type Metrics = z.infer<typeof MetricsSchema>

/** `GET /metrics` → 200. */
export const MetricsResponseSchema = envelopeOf(MetricsSchema)
export type MetricsResponse = z.infer<typeof MetricsResponseSchema>

/** A Unix time in whole seconds as text, or the 422 naming the parameter. */
const unixSeconds = (label: string) =>
  z.string().regex(/^\d{1,12}$/, `${label} must be a Unix time in whole seconds`)

/** `GET /metrics` query, in the order the app sends it; each optional, empty counts as absent. */
export const MetricsQuerySchema = z.object({
  agent_id: z.string().optional(),
  call_start_before_unix: unixSeconds('Call start before unix').optional(),
  call_start_after_unix: unixSeconds('Call start after unix').optional(),
})
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>
