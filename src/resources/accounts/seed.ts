/**
 * The users of each scenario: user 1 as documented, and generated users where the scenario has
 * them. Their creation times are drawn once their first keys exist (`dateGeneratedUsers`).
 */
import { toTimestamp } from '../../internal/time.js'
import type { Seeder } from '../../store/context.js'
import { toBase64Url } from '../../store/jwt.js'
import { createSimpleFaker } from '../../store/random.js'
import { DEFAULT_GENERATED_USERS, MULTI_TENANT_USERS } from './defaults.js'
import { DOCUMENTED_USER } from './documented.js'
import { createUserData } from './factory.js'
import type { UserRecord } from './schemas.js'
import { TOKEN_SECRET, USERS } from './users.js'

/** The seeded stream generated users' creation times are drawn from. */
export const USER_TIMESTAMPS_STREAM = 2

/** How many users a scenario generates beside user 1. */
function generatedUsers(seeder: Seeder): number {
  switch (seeder.scenario) {
    case 'documented':
      return DEFAULT_GENERATED_USERS
    case 'multi-tenant':
      return MULTI_TENANT_USERS - 1
    case 'empty':
    case 'many-keys':
      return 0
  }
}

/**
 * A random HMAC secret for JWT signing (32 bytes, base64url). @note Drawn from a Faker of its
 * own, seeded `seed + 1`, so the secret depends on the seed alone: a token issued before a
 * scenario switch or a reset still authenticates after it.
 */
function createTokenSecret(seed: number): string {
  const faker = createSimpleFaker(seed + 1)
  return toBase64Url(Uint8Array.from({ length: 32 }, () => faker.number.int(255)))
}

/** Seeds user 1, the scenario's generated users (undated until their keys exist) and the signing secret. */
export function seedAccounts(seeder: Seeder): void {
  seeder.setState(TOKEN_SECRET, createTokenSecret(seeder.seed))
  const add = (overrides: Partial<UserRecord> = {}): void => {
    const user = createUserData(seeder.faker(), {
      id: seeder.takeId(USERS),
      created_at: DOCUMENTED_USER.created_at,
      ...overrides,
    })
    seeder.add(USERS, user)
  }
  add({ ...DOCUMENTED_USER })
  for (let i = 0; i < generatedUsers(seeder); i++) add()
}

/**
 * Gives each generated user (every user but user 1) a creation time after the user before them
 * and no later than their first key (or the reference date), drawn from its own stream. Called by
 * the API keys' seed once the keys exist.
 */
export function dateGeneratedUsers(
  seeder: Seeder,
  firstKeyOf: (userId: number) => string | undefined,
): void {
  const rng = seeder.faker(USER_TIMESTAMPS_STREAM)
  const refDate = rng.defaultRefDate().getTime()
  let floor = Date.parse(DOCUMENTED_USER.created_at)
  for (const user of seeder.records(USERS)) {
    if (user.id !== DOCUMENTED_USER.id) {
      const firstKey = firstKeyOf(user.id)
      const ceiling = firstKey === undefined ? refDate : Date.parse(firstKey)
      const at = ceiling > floor ? rng.date.between({ from: floor, to: ceiling }) : floor
      user.created_at = toTimestamp(new Date(at))
      user.updated_at = user.created_at
    }
    floor = Math.max(floor, Date.parse(user.created_at))
  }
}
