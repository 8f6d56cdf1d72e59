import { DEFAULT_GENERATED_USERS } from './defaults.js'
import { DOCUMENTED_API_KEY, DOCUMENTED_USER } from './documented-data.js'
import { createApiKeyData, createUserData } from './factories.js'
import { toBase64Url } from './jwt.js'
import type { Faker } from './random.js'
import type { ApiKeyRecord, User } from './schemas.js'
import { SNAPSHOT_FORMAT, type Snapshot } from './snapshot.js'
import { toTimestamp } from './time.js'

/**
 * Named starting states:
 * - `documented` (default): user 1 owns key 1 exactly as documented; a few generated users own
 *   generated keys.
 * - `empty`: user 1 alone, with no API keys (authenticate with `store.issueToken(1)`).
 * - `many-keys`: user 1 owns key 1 and `MANY_KEYS_COUNT - 1` generated keys.
 * - `multi-tenant`: several users whose keys have interleaved ids.
 */
export const SCENARIOS = ['documented', 'empty', 'many-keys', 'multi-tenant'] as const
export type Scenario = (typeof SCENARIOS)[number]

/** How many keys user 1 owns in the `many-keys` scenario. */
export const MANY_KEYS_COUNT = 500

/** Users and keys per user in the `multi-tenant` scenario. */
export const MULTI_TENANT_USERS = 5
export const MULTI_TENANT_KEYS_PER_USER = 6

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value)
}

/**
 * Builds a scenario's starting state as a snapshot, drawing every generated value from `faker`.
 * The JWT signing secret is given, not drawn, so tokens survive a switch of scenario.
 */
export function buildScenario(scenario: Scenario, faker: Faker, tokenSecret: string): Snapshot {
  const builder = createSnapshotBuilder(faker, tokenSecret)
  const owner = builder.addUser({ ...DOCUMENTED_USER })
  switch (scenario) {
    case 'empty':
      break
    case 'documented': {
      builder.addApiKey({ ...DOCUMENTED_API_KEY })
      const others = Array.from({ length: DEFAULT_GENERATED_USERS }, () => builder.addUser())
      for (const user of others) builder.generateApiKeys(user, faker.number.int({ min: 1, max: 4 }))
      break
    }
    case 'many-keys':
      builder.addApiKey({ ...DOCUMENTED_API_KEY })
      builder.generateApiKeys(owner, MANY_KEYS_COUNT - 1)
      break
    case 'multi-tenant': {
      builder.addApiKey({ ...DOCUMENTED_API_KEY })
      const users = [
        owner,
        ...Array.from({ length: MULTI_TENANT_USERS - 1 }, () => builder.addUser()),
      ]
      for (let round = 0; round < MULTI_TENANT_KEYS_PER_USER; round++)
        for (const user of users) if (round > 0 || user !== owner) builder.generateApiKeys(user, 1)
      break
    }
  }
  return builder.build()
}

/** A random HMAC secret for JWT signing (32 bytes, base64url), drawn from `faker`. */
export function createTokenSecret(faker: Faker): string {
  return toBase64Url(Uint8Array.from({ length: 32 }, () => faker.number.int(255)))
}

/**
 * Accumulates users and keys with increasing ids; generated keys get creation times that grow
 * with their ids, after the last key added and up to the faker's reference date.
 */
function createSnapshotBuilder(faker: Faker, tokenSecret: string) {
  const users: User[] = []
  const apiKeys: ApiKeyRecord[] = []
  let nextUserId = 1
  let nextApiKeyId = 1
  let lastCreated = new Date(DOCUMENTED_API_KEY.created_at)
  return {
    addUser(overrides: Partial<User> = {}): User {
      const user = createUserData(faker, { id: nextUserId, ...overrides })
      users.push(user)
      nextUserId = Math.max(nextUserId, user.id) + 1
      return user
    },
    addApiKey(key: ApiKeyRecord): void {
      apiKeys.push(key)
      nextApiKeyId = Math.max(nextApiKeyId, key.id) + 1
      lastCreated = new Date(key.created_at)
    },
    generateApiKeys(owner: User, count: number): void {
      const to = faker.defaultRefDate().getTime()
      const step = (to - lastCreated.getTime()) / (count + 1) / 4
      for (let i = 0; i < count; i++) {
        lastCreated = new Date(
          lastCreated.getTime() + 1000 + Math.floor(faker.number.float({ max: step })),
        )
        const key = createApiKeyData(faker, owner, {
          id: nextApiKeyId++,
          created_at: toTimestamp(lastCreated),
        })
        apiKeys.push(key)
      }
    },
    build(): Snapshot {
      return {
        format: SNAPSHOT_FORMAT,
        next_user_id: nextUserId,
        next_api_key_id: nextApiKeyId,
        token_secret: tokenSecret,
        users,
        api_keys: apiKeys,
      }
    },
  }
}

/** The query parameter and request header that pick a scenario in a page or per request. */
export const SCENARIO_QUERY_PARAMETER = 'scenario'
export const SCENARIO_HEADER = 'X-Voiceable-Mock-Scenario'

/**
 * The scenario a page URL asks for with `?scenario=<name>`, or `undefined`.
 * @example
 * createVoiceableMock({ scenario: scenarioFromUrl(location.href) })
 */
export function scenarioFromUrl(url: string | URL): Scenario | undefined {
  let parsed: URL
  try {
    parsed = new URL(url, 'http://localhost')
  } catch {
    return undefined
  }
  const value = parsed.searchParams.get(SCENARIO_QUERY_PARAMETER)
  return isScenario(value) ? value : undefined
}
