/**
 * The toolkit's inputs as data: a fault to inject and a journal query, as zod schemas. The demo
 * server's control API reads its bodies and query strings with them; they are platform-neutral
 * so that the in-process toolkit can validate with the same schemas and the same words.
 */
import * as z from 'zod'
import { ENDPOINT_NAMES, type EndpointName } from './endpoints/table.js'
import type { FaultScope } from './faults.js'
import type { JournalQuery } from './journal.js'
import { formatIssuePath } from './snapshot.js'

/** The longest latency a fault may add, in milliseconds (ten minutes, as the CLI's `--delay`). */
export const MAX_FAULT_LATENCY_MS = 600_000

/** The kinds of fault, as the control API names them. */
export const FAULT_KINDS = ['error', 'network', 'latency', 'rate-limit'] as const

const EndpointNameSchema = z.custom<EndpointName>(
  (value) => typeof value === 'string' && (ENDPOINT_NAMES as readonly string[]).includes(value),
  { error: `must be one of: ${ENDPOINT_NAMES.join(', ')}` },
)

const PositiveWhole = (what: string) =>
  z
    .number({ error: `must be ${what} (a positive whole number)` })
    .int({ error: `must be ${what} (a positive whole number)` })
    .positive({ error: `must be ${what} (a positive whole number)` })

const Milliseconds = z
  .number({ error: `must be a number of milliseconds from 0 to ${MAX_FAULT_LATENCY_MS}` })
  .min(0, { error: `must be a number of milliseconds from 0 to ${MAX_FAULT_LATENCY_MS}` })
  .max(MAX_FAULT_LATENCY_MS, {
    error: `must be a number of milliseconds from 0 to ${MAX_FAULT_LATENCY_MS}`,
  })

/** Which requests a fault applies to, and for how long (`FaultScope`). */
const FaultScopeShape = {
  endpoint: z
    .union([EndpointNameSchema, z.array(EndpointNameSchema).min(1).readonly()], {
      error: `must be an endpoint name or a non-empty list of them: ${ENDPOINT_NAMES.join(', ')}`,
    })
    .optional(),
  userId: PositiveWhole('a user id').optional(),
  times: PositiveWhole('a count').optional(),
  probability: z
    .number({ error: 'must be a number within 0 and 1' })
    .min(0, { error: 'must be a number within 0 and 1' })
    .max(1, { error: 'must be a number within 0 and 1' })
    .optional(),
  // @note Every field of FaultScope, and no other: a new scope field fails to compile here.
} satisfies Record<keyof FaultScope, z.ZodType>

/**
 * A fault as the control API takes it: `kind` and its own fields, plus the scope.
 * @example
 * { "kind": "error", "status": 503, "endpoint": "listApiKeys", "times": 1 }
 */
export const FaultSpecSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('error'),
      status: z
        .number({ error: 'must be an error status (400–599)' })
        .int({ error: 'must be an error status (400–599)' })
        .min(400, { error: 'must be an error status (400–599)' })
        .max(599, { error: 'must be an error status (400–599)' }),
      message: z.string({ error: 'must be a string' }).min(1).max(1000).optional(),
      ...FaultScopeShape,
    }),
    z.strictObject({ kind: z.literal('network'), ...FaultScopeShape }),
    z
      .strictObject({
        kind: z.literal('latency'),
        ms: Milliseconds.optional(),
        min: Milliseconds.optional(),
        max: Milliseconds.optional(),
        ...FaultScopeShape,
      })
      .superRefine((spec, ctx) => {
        const range = spec.min !== undefined || spec.max !== undefined
        if (spec.ms !== undefined && range)
          ctx.addIssue({ code: 'custom', path: ['ms'], message: 'give either ms or min and max' })
        else if (spec.ms === undefined && (spec.min === undefined || spec.max === undefined))
          ctx.addIssue({
            code: 'custom',
            path: spec.min === undefined ? ['min'] : spec.max === undefined ? ['max'] : [],
            message: 'a latency needs ms, or both min and max',
          })
        else if (spec.min !== undefined && spec.max !== undefined && spec.max < spec.min)
          ctx.addIssue({ code: 'custom', path: ['max'], message: 'must not be less than min' })
      }),
    z.strictObject({ kind: z.literal('rate-limit'), ...FaultScopeShape }),
  ],
  { error: `must be one of: ${FAULT_KINDS.join(', ')}` },
)

export type FaultSpec = z.infer<typeof FaultSpecSchema>

/** A journal query (`JournalQuery`): every field given must match. */
export const JournalQuerySchema = z.strictObject({
  // @note Every field of JournalQuery, and no other: a new query field fails to compile here.
  endpoint: EndpointNameSchema.optional(),
  method: z
    .string({ error: 'must be an HTTP method such as GET' })
    .regex(/^[A-Za-z]+$/, { error: 'must be an HTTP method such as GET' })
    .optional(),
  userId: z
    .union([PositiveWhole('a user id'), z.null()], {
      error: 'must be a user id (a positive whole number), or null for anonymous requests',
    })
    .optional(),
  keyId: PositiveWhole('an API key id').optional(),
  agentId: z
    .string({ error: 'must be an agent id (a positive whole number, as a string)' })
    .regex(/^[1-9]\d{0,15}$/, {
      error: 'must be an agent id (a positive whole number, as a string)',
    })
    .optional(),
  status: z
    .number({ error: 'must be an HTTP status (0 for an injected network error)' })
    .int({ error: 'must be an HTTP status (0 for an injected network error)' })
    .min(0, { error: 'must be an HTTP status (0 for an injected network error)' })
    .max(599, { error: 'must be an HTTP status (0 for an injected network error)' })
    .optional(),
} satisfies Record<keyof JournalQuery, z.ZodType>)

/** Parses with a schema; a failure is one plain sentence per problem, `field: what is wrong`. */
export function parseToolkitInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; problems: string[] } {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  return {
    ok: false,
    problems: [
      ...new Set(
        result.error.issues.map((issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
            : issue.path.length === 0
              ? issue.message
              : `${formatIssuePath(issue.path)}: ${issue.message}`,
        ),
      ),
    ],
  }
}
