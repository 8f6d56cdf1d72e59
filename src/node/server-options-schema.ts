/**
 * The options of `startMockServer` as a zod schema: `createVoiceableMock`'s, with `baseUrl`
 * narrowed to paths, plus the server's own. A type test keeps it equal to `StartMockServerOptions`.
 */
import * as z from 'zod'
import { BooleanSchema, functionSchema, numberWhere, strictShape } from '../input-validation.js'
import { baseUrlSchema, isBasePath, MockOptionsShape } from '../mock-options-schema.js'
import { MillisecondsSchema } from '../toolkit-schemas.js'
import type { StartMockServerOptions } from './mock-server.js'

export const StartMockServerOptionsSchema = strictShape(
  {
    ...MockOptionsShape,
    // @note An absolute base URL would match no request the server receives: all would be 404.
    baseUrl: baseUrlSchema(
      isBasePath,
      "a path starting with '/' (the server answers on its own origin), without a query or hash",
    ).optional(),
    port: numberWhere(
      (value) => Number.isInteger(value) && value >= 0 && value <= 65535,
      'must be a port number from 0 to 65535 (0 picks a free one)',
    ).optional(),
    host: z
      .string({ error: 'must be a host name or an IP address' })
      .regex(/^\S+$/, { error: 'must be a host name or an IP address' })
      .optional(),
    delayMs: MillisecondsSchema.optional(),
    log: z
      .union([functionSchema<(line: string) => void>('(line) => void'), z.literal(false)], {
        error: 'must be a function (line) => void, or false',
      })
      .optional(),
    control: BooleanSchema.optional(),
    controlToken: z
      .string({ error: 'must be a non-empty string without spaces' })
      .regex(/^\S+$/, { error: 'must be a non-empty string without spaces' })
      .optional(),
    persistTo: z
      .string({ error: 'must be a file path' })
      .min(1, { error: 'must be a file path' })
      .optional(),
  } satisfies Record<keyof StartMockServerOptions, z.ZodType>,
  'option',
)
