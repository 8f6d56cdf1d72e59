/**
 * The options of `startMockServer`: the type, and a zod schema that checks it —
 * `createVoiceableMock`'s, with `baseUrl` narrowed to paths, plus the server's own. A type test
 * keeps the schema equal to `StartMockServerOptions`.
 */
import * as z from 'zod'
import {
  BooleanSchema,
  functionSchema,
  numberWhere,
  strictShape,
} from '../internal/input-validation.js'
import {
  baseUrlSchema,
  isBasePath,
  MockOptionsShape,
  type VoiceableMockOptions,
} from '../options.js'
import { MillisecondsSchema } from '../toolkit/fault-schemas.js'

/** `createVoiceableMock`'s options (`baseUrl`: same-origin paths only, default `SERVER_BASE_PATHS`) plus the server's own. */
export interface StartMockServerOptions extends VoiceableMockOptions {
  /** Port to listen on, 0 to 65535. Default 0: a free port (read it from `url`). The CLI's default is 3000. */
  port?: number | undefined
  /** Interface to bind: a host name or IP address. Default `127.0.0.1`. */
  host?: string | undefined
  /** Wait this long before answering each API request: 0 to 600000 ms. Default 0. */
  delayMs?: number | undefined
  /** Receives one access-log line per request (`GET /api/v1/api_keys/1 200 1.2ms`). Default `false`: no log. */
  log?: ((line: string) => void) | false | undefined
  /**
   * The control API under `/__voiceable/` (reset, scenario, snapshot, faults, journal, sessions).
   * Default `true`: from loopback without an `Origin` header, or anywhere with `controlToken`.
   * `false` answers those paths with the API's 404.
   */
  control?: boolean | undefined
  /** Admits control requests from any address that send `Authorization: Bearer <controlToken>` (no spaces). */
  controlToken?: string | undefined
  /**
   * Keep the default store in this JSON file: loaded at start when it exists (it wins over
   * `scenario`), created from the starting state when it does not, and rewritten after every
   * change (coalesced within about 100 ms, and on `close()`).
   */
  persistTo?: string | undefined
}

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
