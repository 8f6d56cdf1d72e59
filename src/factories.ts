import {
  DEFAULT_MEMBERSHIP_STATUS,
  DEFAULT_PASSWORD,
  DEFAULT_ROLE,
  ELEVENLABS_AGENT_ID_PREFIX,
  KEY_VALUE_PREFIX,
  KEY_VALUE_RANDOM_LENGTH,
} from './defaults.js'
import type { Faker } from './random.js'
import type {
  Agent,
  ApiKey,
  ApiKeyRecord,
  KeyType,
  PhoneNumber,
  User,
  UserRecord,
} from './schemas.js'
import { toTimestamp } from './time.js'

/** What generated records need of their owner: the id and email they repeat. */
export type Owner = Pick<User, 'id' | 'email'>

/**
 * Plain factories: each takes the caller's Faker instance and returns a fresh object, with
 * `overrides` winning over generated values. No I/O, no store.
 */

/**
 * A generated user, with the default password, role and membership. Emails use reserved example
 * domains so they never reach a real inbox. @note The email is drawn even when `overrides` gives
 * one, and nothing else is drawn: the seeded sequence of users and keys stays what it always was.
 */
export function createUserData(
  faker: Faker,
  overrides: Partial<UserRecord> & Pick<UserRecord, 'id' | 'created_at'>,
): UserRecord {
  const email = faker.internet.exampleEmail().toLowerCase()
  const { id, created_at: createdAt, ...rest } = overrides
  // Key order here is the snapshot's field order: the wire order, then the password.
  return {
    id,
    email,
    role: DEFAULT_ROLE,
    membership_status: DEFAULT_MEMBERSHIP_STATUS,
    created_at: createdAt,
    updated_at: createdAt,
    password: DEFAULT_PASSWORD,
    ...rest,
  }
}

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

/** What generated agents do, and are named after. */
export const AGENT_PURPOSES = [
  'Customer Support Agent',
  'Sales Assistant',
  'Appointment Scheduler',
  'Front Desk Receptionist',
  'Order Status Agent',
  'Billing Helpdesk',
  'Lead Qualifier',
  'Survey Caller',
  'Onboarding Guide',
  'After-hours Support',
]

const AGENT_TAGS = ['support', 'voice', 'sales', 'booking', 'billing', 'inbound', 'outbound', 'faq']
const AGENT_MODELS = ['gpt-4', 'gpt-4o', 'gpt-4o-mini', 'claude-3-5-sonnet']

/** An `elevenlabs_agent_id` like the documented `agent_abc123`: the prefix and 20 characters. */
export function createElevenLabsAgentId(faker: Faker): string {
  return ELEVENLABS_AGENT_ID_PREFIX + faker.string.alphanumeric({ length: 20, casing: 'lower' })
}

/** A phone number as attached to an agent (documented shape). */
export function createPhoneNumberData(faker: Faker, id: number): PhoneNumber {
  return {
    id,
    phone_number: `+1${faker.string.numeric({ length: 10, allowLeadingZeros: false })}`,
    provider: 'elevenlabs',
    elevenlabs_phone_number_id: `phone_${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`,
  }
}

/**
 * A generated agent for `owner`, in the documented field order (no `widget_config`: it appears
 * once a client sets one). Unless given, `updated_at` is `created_at` or a time between it and
 * the reference date, and a published agent was published when last updated.
 */
export function createAgentData(
  faker: Faker,
  owner: Owner,
  overrides: Partial<Agent> & Pick<Agent, 'id' | 'created_at'>,
): Agent {
  const { id, created_at: createdAt, ...rest } = overrides
  const created = new Date(createdAt)
  const refDate = faker.defaultRefDate()
  const updated =
    faker.datatype.boolean() && created < refDate
      ? toTimestamp(faker.date.between({ from: created, to: refDate }))
      : createdAt
  const published = faker.datatype.boolean({ probability: 0.7 })
  // @note `id` first: the key order here is the wire's field order (documented order).
  return {
    id,
    name: faker.helpers.arrayElement(AGENT_PURPOSES),
    tags: faker.helpers.arrayElements(AGENT_TAGS, { min: 1, max: 3 }),
    conversation_config: {
      temperature: faker.number.float({ min: 0, max: 1, fractionDigits: 1 }),
      model: faker.helpers.arrayElement(AGENT_MODELS),
    },
    platform_settings: {},
    published,
    published_at: published ? updated : null,
    elevenlabs_agent_id: createElevenLabsAgentId(faker),
    version: faker.number.int({ min: 1, max: 5 }),
    phone_numbers: [],
    user_id: owner.id,
    user_email: owner.email,
    created_at: createdAt,
    updated_at: updated,
    ...rest,
  }
}
