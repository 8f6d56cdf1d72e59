/**
 * The options of `createVoiceableMock`: the type, and a zod schema that checks it. Each option is
 * checked when it is given, and an unknown one (a typo such as `sead`) is an error that names it:
 * JavaScript callers and option objects built at run time get no help from the compiler. A type
 * test keeps the schema equal to `VoiceableMockOptions`.
 */
import * as z from 'zod'
import { PUBLIC_KEY_ACCESS, type PublicKeyAccess } from './defaults.js'
import {
  BooleanSchema,
  functionSchema,
  numberWhere,
  oneOf,
  PositiveIntegerSchema,
  strictShape,
  WholeNumberSchema,
} from './internal/input-validation.js'
import type { KeyType } from './resources/api-keys/schemas.js'
import { ScenarioSchema } from './store/scenario-names.js'
import type { StoreOptions } from './store/store.js'

export interface VoiceableMockOptions extends StoreOptions {
  /**
   * Where the API lives: one base URL or several. Absolute (`https://api.example.com/api/v1`) or
   * same-origin (`/api/v1`, for a page's service worker). Default `DEFAULT_BASE_URLS`: the
   * documented `https://api.example.com/api/v1` and `http://localhost:3000/api/v1`, the real
   * `https://api.voiceable.dev/voiceable-api`, and the web app's local default
   * `http://localhost:3000/voiceable-api`.
   */
  baseUrl?: string | readonly string[] | undefined
  /** Per-caller rate limit, or `false` to send no rate-limit headers and never answer 429. */
  rateLimit?:
    | {
        /** Requests a caller may make per window, a positive integer. Default `DEFAULT_RATE_LIMIT`. */
        limit?: number | undefined
        /** Window length in seconds, a positive integer. Default `DEFAULT_RATE_LIMIT_WINDOW_SECONDS`. */
        windowSeconds?: number | undefined
      }
    | false
    | undefined
  /** What public keys may do on the API-keys and agents endpoints. Default `'forbidden'` (403). */
  publicKeyAccess?: PublicKeyAccess | undefined
  /**
   * Return each key's secret in `GET /api_keys` and `GET /api_keys/{id}`, as the Voiceable web app
   * expects (it masks listed secrets and embeds them in its widget snippet). Default `false`: the
   * documented `null`. The journal masks revealed secrets either way.
   */
  revealKeyValues?: boolean | undefined
  /** Request bodies over this many bytes get 413. Default `MAX_BODY_BYTES` (1 MiB). */
  maxBodyBytes?: number | undefined
  /** `'not-found'` (default) answers unknown paths and methods under the base URLs with the API's 404; `'passthrough'` leaves them to msw and your own handlers. */
  unknownRoutes?: 'not-found' | 'passthrough' | undefined
  /** Keep the request journal (default, the last `JOURNAL_MAX_ENTRIES` requests); `false` or `maxEntries: 0` keeps none. */
  journal?: { maxEntries?: number | undefined } | false | undefined
}

/**
 * `baseUrl`: one base URL that `isBaseUrl` accepts, or a non-empty list of them. `rule` says
 * which, for the message.
 */
export function baseUrlSchema(isBaseUrl: (url: string) => boolean, rule: string) {
  const one = z.string({ error: `must be ${rule}` }).refine(isBaseUrl, { error: `must be ${rule}` })
  const list = z.array(one).min(1, { error: 'must not be an empty list' }).readonly()
  return z.union([one, list], { error: `must be ${rule}, or a non-empty list of them` })
}

/** A same-origin base path: `/api/v1`, no query, no hash, nothing a request path could not hold. */
export function isBasePath(url: string): boolean {
  return /^\/(?!\/)[^\s?#]*$/.test(url)
}

/** `https://api.example.com/api/v1` or `/api/v1`: what the handlers and `mock.fetch` match under. */
function isBaseUrl(url: string): boolean {
  return isBasePath(url) || (/^https?:\/\/[^\s/?#]+[^\s?#]*$/i.test(url) && URL.canParse(url))
}

const StoreOptionsShape = {
  seed: numberWhere(Number.isSafeInteger, 'must be a safe integer').optional(),
  scenario: ScenarioSchema.optional(),
  // @note Checked when loaded, by the snapshot's own schema: a `SnapshotError` names the bad field.
  snapshot: z.unknown().optional(),
  now: functionSchema<() => Date>('() => Date').optional(),
  generateKeyValue: functionSchema<(keyType: KeyType) => string>('(keyType) => string').optional(),
  tokenTtlSeconds: WholeNumberSchema.optional(),
  generateTokenId: functionSchema<() => string>('() => string').optional(),
} satisfies Record<keyof StoreOptions, z.ZodType>

/** Every option of `createVoiceableMock` but `baseUrl`, whose rule the demo server narrows. */
export const MockOptionsShape = {
  ...StoreOptionsShape,
  rateLimit: z
    .union(
      [
        z.literal(false),
        strictShape(
          {
            limit: PositiveIntegerSchema.optional(),
            windowSeconds: PositiveIntegerSchema.optional(),
          },
          'option',
        ),
      ],
      { error: 'must be false, or an object with limit and windowSeconds' },
    )
    .optional(),
  publicKeyAccess: oneOf(PUBLIC_KEY_ACCESS).optional(),
  revealKeyValues: BooleanSchema.optional(),
  maxBodyBytes: PositiveIntegerSchema.optional(),
  unknownRoutes: oneOf(['not-found', 'passthrough']).optional(),
  journal: z
    .union(
      [
        z.literal(false),
        strictShape(
          {
            maxEntries: numberWhere(
              (value) => Number.isSafeInteger(value) && value >= 0,
              'must be a whole number of at least 0 (0 keeps none)',
            ).optional(),
          },
          'option',
        ),
      ],
      { error: 'must be false, or an object with maxEntries' },
    )
    .optional(),
}

/** `createVoiceableMock`'s options. */
export const VoiceableMockOptionsSchema = strictShape(
  {
    ...MockOptionsShape,
    baseUrl: baseUrlSchema(
      isBaseUrl,
      "an absolute http(s) URL or a path starting with '/', without a query or hash",
    ).optional(),
  } satisfies Record<keyof VoiceableMockOptions, z.ZodType>,
  'option',
)
