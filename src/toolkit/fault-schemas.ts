/**
 * A fault and its scope as data: the types `mock.faults` takes, and the zod schemas that check
 * them. `mock.faults` checks its arguments with them, and the demo server's control API reads its
 * bodies with them, so both say the same words (`endpoint must be one of 'listApiKeys', …, got
 * 'listKeys'`). Platform-neutral.
 */
import * as z from 'zod'
import {
  numberWhere,
  oneOf,
  PositiveIntegerSchema,
  strictShape,
} from '../internal/input-validation.js'
import { ENDPOINT_NAMES, type EndpointName } from '../resources/index.js'

/** Which requests a fault applies to, and for how long. */
export interface FaultScope {
  /** One endpoint or several; default every endpoint. */
  endpoint?: EndpointName | readonly EndpointName[]
  /** Only requests authenticated as this user. */
  userId?: number
  /** Only the next N matching requests; default every matching request until removed. */
  times?: number
  /** Chance (0–1) that a matching request is affected, drawn from the mock's seeded generator. */
  probability?: number
}

/** The longest latency a fault may add, in milliseconds (ten minutes, as the CLI's `--delay`). */
export const MAX_FAULT_LATENCY_MS = 600_000

/** The kinds of fault, as the control API names them. */
export const FAULT_KINDS = ['error', 'network', 'latency', 'rate-limit'] as const

const EndpointNameSchema = oneOf(ENDPOINT_NAMES)

/** A delay in milliseconds, as `delayMs` and latency faults take it. */
export const MillisecondsSchema = numberWhere(
  (value) => value >= 0 && value <= MAX_FAULT_LATENCY_MS,
  `must be a number of milliseconds from 0 to ${MAX_FAULT_LATENCY_MS}`,
)

/** Which requests a fault applies to, and for how long (`FaultScope`). */
const FaultScopeShape = {
  endpoint: z
    .union(
      [
        EndpointNameSchema,
        z
          .array(EndpointNameSchema)
          .min(1, { error: 'must be a non-empty list of endpoint names' })
          .readonly(),
      ],
      {
        error: `must be one of ${ENDPOINT_NAMES.map((name) => `'${name}'`).join(', ')}, or a non-empty list of them`,
      },
    )
    .optional(),
  userId: PositiveIntegerSchema.optional(),
  times: PositiveIntegerSchema.optional(),
  probability: numberWhere(
    (value) => value >= 0 && value <= 1,
    'must be a number from 0 to 1',
  ).optional(),
  // @note Every field of FaultScope, and no other: a new scope field fails to compile here.
} satisfies Record<keyof FaultScope, z.ZodType>

/** The scope of `networkError(scope)` and `latency(ms, scope)`. */
export const FaultScopeSchema = strictShape(FaultScopeShape, 'field').optional()

const ErrorFaultShape = {
  status: numberWhere(
    (value) => Number.isInteger(value) && value >= 400 && value <= 599,
    'must be an error status (400–599)',
  ),
  message: z
    .string({ error: 'must be text of 1 to 1000 characters' })
    .min(1, { error: 'must be text of 1 to 1000 characters' })
    .max(1000, { error: 'must be text of 1 to 1000 characters' })
    .optional(),
}

/** The status of `error(status, scope)`. */
export const FaultStatusSchema = ErrorFaultShape.status

/** The scope of `error(status, scope)`: a scope and the error's `message`. */
export const ErrorFaultScopeSchema = strictShape(
  { ...FaultScopeShape, message: ErrorFaultShape.message },
  'field',
).optional()

/** The scope of `exhaustRateLimit(scope)`: whose window to use up. */
export const ExhaustRateLimitSchema = strictShape({ userId: PositiveIntegerSchema }, 'field')

const LatencyShape = {
  ms: MillisecondsSchema.optional(),
  min: MillisecondsSchema.optional(),
  max: MillisecondsSchema.optional(),
}

/** A latency is `ms`, or a range from `min` to `max`. */
function checkLatency(
  latency: { ms?: number | undefined; min?: number | undefined; max?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const { ms, min, max } = latency
  if (ms !== undefined && (min !== undefined || max !== undefined))
    ctx.addIssue({ code: 'custom', path: ['ms'], message: 'must not be given with min and max' })
  else if (ms === undefined && (min === undefined || max === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [min === undefined ? 'min' : 'max'],
      message: 'must be given (a latency is ms, or both min and max)',
    })
  else if (min !== undefined && max !== undefined && max < min)
    ctx.addIssue({ code: 'custom', path: ['max'], message: `must not be less than min (${min})` })
}

/** The `ms` of `latency(ms, scope)`, as `{ ms }` or `{ min, max }`. */
export const LatencySchema = strictShape(LatencyShape, 'field').superRefine(checkLatency)

/**
 * A fault as the control API takes it: `kind` and its own fields, plus the scope.
 * @example
 * { "kind": "error", "status": 503, "endpoint": "listApiKeys", "times": 1 }
 */
export const FaultSpecSchema = z.discriminatedUnion(
  'kind',
  [
    strictShape({ kind: z.literal('error'), ...ErrorFaultShape, ...FaultScopeShape }, 'field'),
    strictShape({ kind: z.literal('network'), ...FaultScopeShape }, 'field'),
    strictShape(
      { kind: z.literal('latency'), ...LatencyShape, ...FaultScopeShape },
      'field',
    ).superRefine(checkLatency),
    strictShape({ kind: z.literal('rate-limit'), ...FaultScopeShape }, 'field'),
  ],
  { error: `must be one of ${FAULT_KINDS.map((kind) => `'${kind}'`).join(', ')}` },
)

export type FaultSpec = z.infer<typeof FaultSpecSchema>
