/**
 * The options of `createVoiceableMock` as a zod schema. Each option is checked when it is given,
 * and an unknown one (a typo such as `sead`) is an error that names it: JavaScript callers and
 * option objects built at run time get no help from the compiler. A type test keeps the schema
 * equal to `VoiceableMockOptions`.
 */
import * as z from 'zod'
import { PUBLIC_KEY_ACCESS } from './defaults.js'
import {
  BooleanSchema,
  functionSchema,
  numberWhere,
  oneOf,
  PositiveIntegerSchema,
  strictShape,
  WholeNumberSchema,
} from './input-validation.js'
import type { VoiceableMockOptions } from './mock.js'
import type { KeyType } from './schemas.js'
import type { StoreOptions } from './store.js'
import { ScenarioSchema } from './toolkit-schemas.js'

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
