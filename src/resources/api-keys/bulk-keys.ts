import { createSeededRandom } from '../../internal/seeded-random.js'
import type { Faker } from '../../store/random.js'
import type { Owner } from '../accounts/factory.js'
import { KEY_VALUE_PREFIX, KEY_VALUE_RANDOM_LENGTH } from './defaults.js'
import { KEY_PURPOSES } from './factory.js'
import type { ApiKeyRecord, KeyType } from './schemas.js'

/**
 * The cheap path behind `store.generateApiKeys`, for stores of 10k to 1M keys: the same fields
 * and distributions as `createApiKeyData`, drawn from a small seeded generator instead of one
 * faker call per field. Faker seeds it and names a few domains, so data stays the same per seed;
 * a key then costs about a microsecond instead of about fifteen (see bench/RESULTS.md).
 */

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const DOMAIN_POOL_SIZE = 32
const DAY_MS = 24 * 60 * 60 * 1000
const RECENT_DAYS = 30

/**
 * Strings built from character codes in one go. V8 keeps `a + b` as a rope of both parts, which
 * for a million keys costs hundreds of MiB and slows every Map lookup that has to flatten it.
 */
const fromCodes = (codes: number[]): string => String.fromCharCode.apply(null, codes)

function setTwoDigits(codes: number[], at: number, value: number): void {
  codes[at] = 48 + Math.floor(value / 10)
  codes[at + 1] = 48 + (value % 10)
}

/** `toTimestamp` for whole seconds (`2024-01-15T10:30:00Z`), formatting each day's date once. */
function createTimestampFormatter(): (ms: number) => string {
  const days = new Map<number, number[]>()
  return (ms) => {
    const day = Math.floor(ms / DAY_MS)
    let codes = days.get(day)
    if (codes === undefined) {
      const date = new Date(day * DAY_MS).toISOString().slice(0, 11)
      codes = [...`${date}00:00:00Z`].map((char) => char.charCodeAt(0))
      days.set(day, codes)
    }
    const seconds = Math.floor((ms - day * DAY_MS) / 1000)
    setTwoDigits(codes, 11, Math.floor(seconds / 3600))
    setTwoDigits(codes, 14, Math.floor(seconds / 60) % 60)
    setTwoDigits(codes, 17, seconds % 60)
    return fromCodes(codes)
  }
}

/**
 * Returns a function that makes generated key records for `owner`, secrets included. Every value
 * comes from `faker` (which seeds the generator), so the same faker state gives the same keys.
 * @example
 * const next = createApiKeyGenerator(faker, user)
 * const key = next(42) // { id: 42, key_type: 'private', key_value: 'sk_live_…', … }
 */
export function createApiKeyGenerator(faker: Faker, owner: Owner): (id: number) => ApiKeyRecord {
  const random = createSeededRandom(faker.number.int({ min: 0, max: 0xffffffff }))
  const int = (max: number): number => Math.floor(random() * (max + 1))
  const names = KEY_PURPOSES.map((purpose) => `${purpose} API Key`)
  const origins = Array.from(
    { length: DOMAIN_POOL_SIZE },
    () => `https://${faker.internet.domainName()}`,
  )
  const assistants = new Map<number, string>()
  const assistant = (): string => {
    const n = 1 + int(998)
    let text = assistants.get(n)
    if (text === undefined) assistants.set(n, (text = String(n)))
    return text
  }
  const refDate = faker.defaultRefDate().getTime()
  const timestamp = createTimestampFormatter()
  const alphabet = [...ALPHANUMERIC].map((char) => char.charCodeAt(0))
  const toCodes = (keyType: KeyType): number[] =>
    [...KEY_VALUE_PREFIX[keyType]].map((char) => char.charCodeAt(0))
  const secretCodes = { private: toCodes('private'), public: toCodes('public') }
  const secret = (keyType: KeyType): string => {
    const codes = secretCodes[keyType]
    const start = KEY_VALUE_PREFIX[keyType].length
    for (let i = 0; i < KEY_VALUE_RANDOM_LENGTH; i++)
      codes[start + i] = alphabet[int(alphabet.length - 1)] as number
    return fromCodes(codes)
  }

  return (id) => {
    // Same odds as createApiKeyData: 7 in 10 private, updated after creation 1 in 4, and so on.
    const keyType: KeyType = int(9) < 7 ? 'private' : 'public'
    const created = refDate - Math.floor(random() * RECENT_DAYS * DAY_MS)
    const updated = int(3) === 0 ? created + Math.floor(random() * (refDate - created)) : created
    const createdAt = timestamp(created)
    return {
      id,
      key_type: keyType,
      name: names[int(names.length - 1)] as string,
      key_value: secret(keyType),
      allowed_origins: Array.from(
        { length: int(2) },
        () => origins[int(DOMAIN_POOL_SIZE - 1)] as string,
      ),
      allowed_assistants: Array.from({ length: int(3) }, assistant),
      transient_assistant: keyType === 'private' ? random() < 0.5 : false,
      user_id: owner.id,
      user_email: owner.email,
      created_at: createdAt,
      updated_at: updated === created ? createdAt : timestamp(updated),
    }
  }
}
