import { DEFAULT_GENERATED_USERS } from './defaults.js'
import { DOCUMENTED_AGENT, DOCUMENTED_API_KEY, DOCUMENTED_USER } from './documented-data.js'
import {
  AGENT_PURPOSES,
  createAgentData,
  createApiKeyData,
  createPhoneNumberData,
  createUserData,
} from './factories.js'
import { toBase64Url } from './jwt.js'
import type { Faker } from './random.js'
import type { Agent, ApiKeyRecord, User, UserRecord } from './schemas.js'
import { SNAPSHOT_FORMAT, type Snapshot } from './snapshot.js'
import { toTimestamp } from './time.js'

/**
 * Named starting states:
 * - `documented` (default): user 1 owns key 1 and agent `"123"` exactly as documented; a few
 *   generated users own generated keys; every user has 1–3 generated agents.
 * - `empty`: user 1 alone, with no API keys and no agents (sign in with `password`, or
 *   `store.issueToken(1)`).
 * - `many-keys`: user 1 owns key 1, agent `"123"` and `MANY_KEYS_COUNT - 1` generated keys.
 * - `multi-tenant`: several users whose keys have interleaved ids; each has
 *   `MULTI_TENANT_AGENTS_PER_USER` generated agents.
 */
export const SCENARIOS = ['documented', 'empty', 'many-keys', 'multi-tenant'] as const
export type Scenario = (typeof SCENARIOS)[number]

/** How many keys user 1 owns in the `many-keys` scenario. */
export const MANY_KEYS_COUNT = 500

/** Users and keys per user in the `multi-tenant` scenario. */
export const MULTI_TENANT_USERS = 5
export const MULTI_TENANT_KEYS_PER_USER = 6

/** Generated agents per user: 1–3 (beside user 1's documented agent), 3 each in `multi-tenant`. */
export const GENERATED_AGENTS_PER_USER = { min: 1, max: 3 } as const
export const MULTI_TENANT_AGENTS_PER_USER = 3

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value)
}

/** The seeded streams a scenario draws from: users and keys, user timestamps, agents. */
export interface ScenarioStreams {
  main: Faker
  userTimestamps: Faker
  agents: Faker
}

/**
 * Builds a scenario's starting state as a snapshot. Users and keys come from `streams.main`
 * exactly as before accounts and agents existed; user timestamps and agents come from streams of
 * their own. The JWT signing secret is given, not drawn, so tokens survive a switch of scenario.
 */
export function buildScenario(
  scenario: Scenario,
  streams: ScenarioStreams,
  tokenSecret: string,
): Snapshot {
  const faker = streams.main
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
  builder.dateGeneratedUsers(streams.userTimestamps)
  if (scenario !== 'empty') {
    // Key 1's `allowed_assistants: ["123"]` names the documented agent: user 1 owns it.
    builder.addAgent(structuredClone(DOCUMENTED_AGENT))
    builder.generateAgents(streams.agents, (rng) =>
      scenario === 'multi-tenant'
        ? MULTI_TENANT_AGENTS_PER_USER
        : rng.number.int(GENERATED_AGENTS_PER_USER),
    )
  }
  return builder.build()
}

/** A random HMAC secret for JWT signing (32 bytes, base64url), drawn from `faker`. */
export function createTokenSecret(faker: Faker): string {
  return toBase64Url(Uint8Array.from({ length: 32 }, () => faker.number.int(255)))
}

/**
 * Accumulates users, keys and agents with increasing ids; generated keys get creation times that
 * grow with their ids, after the last key added and up to the faker's reference date.
 */
function createSnapshotBuilder(faker: Faker, tokenSecret: string) {
  const users: UserRecord[] = []
  /** Users whose creation time is still to be drawn (the generated ones). */
  const undated = new Set<UserRecord>()
  const apiKeys: ApiKeyRecord[] = []
  const agents: Agent[] = []
  let nextUserId = 1
  let nextApiKeyId = 1
  let nextAgentId = 1
  let nextPhoneNumberId = 1
  let lastCreated = new Date(DOCUMENTED_API_KEY.created_at)
  const refDate = faker.defaultRefDate().getTime()
  return {
    addUser(overrides: Partial<UserRecord> = {}): User {
      const user = createUserData(faker, {
        id: nextUserId,
        created_at: DOCUMENTED_USER.created_at,
        ...overrides,
      })
      if (overrides.created_at === undefined) undated.add(user)
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
    /**
     * Gives each generated user a creation time after the user before them and no later than
     * their first key (or the reference date), drawn from `rng`.
     */
    dateGeneratedUsers(rng: Faker): void {
      let floor = Date.parse(DOCUMENTED_USER.created_at)
      for (const user of users) {
        if (undated.has(user)) {
          const firstKey = apiKeys.find((key) => key.user_id === user.id)
          const ceiling = firstKey === undefined ? refDate : Date.parse(firstKey.created_at)
          const at = ceiling > floor ? rng.date.between({ from: floor, to: ceiling }) : floor
          user.created_at = toTimestamp(new Date(at))
          user.updated_at = user.created_at
        }
        floor = Math.max(floor, Date.parse(user.created_at))
      }
      undated.clear()
    },
    addAgent(agent: Agent): void {
      agents.push(agent)
      nextAgentId = Math.max(nextAgentId, Number(agent.id) + 1)
      for (const phone of agent.phone_numbers)
        nextPhoneNumberId = Math.max(nextPhoneNumberId, phone.id + 1)
    },
    /**
     * Gives every user `count(rng)` generated agents, with ids after the largest one and
     * creation times that grow with their ids, after their owner's and up to the reference date.
     */
    generateAgents(rng: Faker, count: (rng: Faker) => number): void {
      const plan = users.map((user) => ({ user, count: count(rng) }))
      const total = plan.reduce((sum, entry) => sum + entry.count, 0)
      let last = Date.parse(DOCUMENTED_USER.created_at)
      let made = 0
      for (const { user, count: n } of plan) {
        // One user's agents have different names, as a real account's would.
        const names = rng.helpers.arrayElements(AGENT_PURPOSES, n)
        for (let i = 0; i < n; i++) {
          const from = Math.max(last, Date.parse(user.created_at))
          const to = Math.max(from, last + (refDate - last) / (total - made + 1))
          last = to > from ? rng.date.between({ from, to }).getTime() : from
          made++
          const agent = createAgentData(rng, user, {
            id: String(nextAgentId++),
            created_at: toTimestamp(new Date(last)),
            ...(names[i] === undefined ? {} : { name: names[i] }),
          })
          if (rng.datatype.boolean({ probability: 0.3 }))
            agent.phone_numbers.push(createPhoneNumberData(rng, nextPhoneNumberId++))
          agents.push(agent)
        }
      }
    },
    build(): Snapshot {
      return {
        format: SNAPSHOT_FORMAT,
        next_user_id: nextUserId,
        next_api_key_id: nextApiKeyId,
        next_agent_id: nextAgentId,
        token_secret: tokenSecret,
        users,
        api_keys: apiKeys,
        agents,
        revoked_token_ids: [],
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
