/**
 * A journal query as data: the type `mock.journal` takes, and the zod schema that checks it (the
 * control API reads its query strings with it too).
 */
import * as z from 'zod'
import {
  numberWhere,
  oneOf,
  PositiveIntegerSchema,
  strictShape,
} from '../internal/input-validation.js'
import { ENDPOINT_NAMES, type EndpointName } from '../resources/index.js'

/** Filters for `entries`, `count` and `last`; every field given must match. */
export interface JournalQuery {
  endpoint?: EndpointName
  method?: string
  userId?: number | null
  /** The API key of the path (`/api_keys/{keyId}`): an alias of the `keyId` path parameter, kept through 0.x. */
  keyId?: number
  /** The agent of the path (`/agents/{agentId}`): an alias of the `agentId` path parameter, kept through 0.x. */
  agentId?: string
  status?: number
}

const EndpointNameSchema = oneOf(ENDPOINT_NAMES)

const HTTP_STATUS = 'must be an HTTP status, or 0 for an injected network error'

/** A journal query (`JournalQuery`): every field given must match. */
export const JournalQuerySchema = strictShape(
  {
    // @note Every field of JournalQuery, and no other: a new query field fails to compile here.
    endpoint: EndpointNameSchema.optional(),
    method: z
      .string({ error: 'must be an HTTP method such as GET' })
      .regex(/^[A-Za-z]+$/, { error: 'must be an HTTP method such as GET' })
      .optional(),
    userId: z
      .union([PositiveIntegerSchema, z.null()], {
        error: 'must be a positive integer, or null for anonymous requests',
      })
      .optional(),
    keyId: PositiveIntegerSchema.optional(),
    agentId: z
      .string({ error: "must be an agent id: a positive integer as a string, such as '123'" })
      .regex(/^[1-9]\d{0,15}$/, {
        error: "must be an agent id: a positive integer as a string, such as '123'",
      })
      .optional(),
    status: numberWhere(
      (value) => Number.isInteger(value) && value >= 0 && value <= 599,
      HTTP_STATUS,
    ).optional(),
  } satisfies Record<keyof JournalQuery, z.ZodType>,
  'field',
).optional()
