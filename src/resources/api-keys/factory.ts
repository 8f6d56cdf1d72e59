import { toTimestamp } from '../../internal/time.js'
import type { Faker } from '../../store/random.js'
import type { Owner } from '../accounts/factory.js'
import { KEY_VALUE_PREFIX, KEY_VALUE_RANDOM_LENGTH } from './defaults.js'
import type { ApiKey, ApiKeyRecord, KeyType } from './schemas.js'

/** A seeded secret for generated data: `sk_live_…` for private keys, `pk_live_…` for public ones. */
export function createKeyValue(faker: Faker, keyType: KeyType): string {
  return KEY_VALUE_PREFIX[keyType] + faker.string.alphanumeric(KEY_VALUE_RANDOM_LENGTH)
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A secret for a key created at run time, from WebCrypto's random source. @note Not seeded on
 * purpose: a seeded sequence replays after `reset()` or in another store started from a
 * snapshot, and would hand a revoked key's secret to a new key, which would then authenticate.
 */
export function createRandomKeyValue(keyType: KeyType): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_VALUE_RANDOM_LENGTH))
  let value = KEY_VALUE_PREFIX[keyType]
  // 248 = 4 × 62: bytes at or above it are redrawn so every character is equally likely.
  for (const byte of bytes)
    value +=
      byte < 248
        ? ALPHANUMERIC[byte % 62]
        : ALPHANUMERIC[crypto.getRandomValues(new Uint8Array(1))[0]! % 62]
  return value
}

/** What generated keys are named after: `<purpose> API Key`. */
export const KEY_PURPOSES = [
  'Production',
  'Staging',
  'Development',
  'CI',
  'Widget',
  'Mobile App',
  'Backend',
  'Analytics',
]

/**
 * A generated API key record for `owner`, its secret included. Unless given, `created_at` is
 * within 30 days before the reference date, and `updated_at` between it and the reference date.
 */
export function createApiKeyData(
  faker: Faker,
  owner: Owner,
  overrides: Partial<ApiKeyRecord> & Pick<ApiKey, 'id'>,
): ApiKeyRecord {
  const keyType: KeyType = overrides.key_type ?? (faker.number.int(9) < 7 ? 'private' : 'public')
  const created =
    overrides.created_at === undefined
      ? faker.date.recent({ days: 30 })
      : new Date(overrides.created_at)
  const refDate = faker.defaultRefDate()
  const updated =
    faker.number.int(3) === 0 && created < refDate
      ? faker.date.between({ from: created, to: refDate })
      : created
  const { id, ...rest } = overrides
  // @note `id` comes first: the key order here is the wire's field order (documented order).
  return {
    id,
    key_type: keyType,
    name: `${faker.helpers.arrayElement(KEY_PURPOSES)} API Key`,
    key_value: createKeyValue(faker, keyType),
    allowed_origins: Array.from(
      { length: faker.number.int(2) },
      () => `https://${faker.internet.domainName()}`,
    ),
    allowed_assistants: Array.from({ length: faker.number.int(3) }, () =>
      String(faker.number.int({ min: 1, max: 999 })),
    ),
    transient_assistant: keyType === 'private' ? faker.datatype.boolean() : false,
    user_id: owner.id,
    user_email: owner.email,
    created_at: toTimestamp(created),
    updated_at: toTimestamp(updated),
    ...rest,
  }
}
