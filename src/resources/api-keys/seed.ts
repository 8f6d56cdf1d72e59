/**
 * The API keys of each scenario: key 1 as documented (but in `empty`), then generated keys whose
 * creation times grow with their ids, after the last key and up to the reference date.
 */
import { toTimestamp } from '../../internal/time.js'
import type { Seeder } from '../../store/context.js'
import type { UserRecord } from '../accounts/schemas.js'
import { dateGeneratedUsers } from '../accounts/seed.js'
import { USERS } from '../accounts/users.js'
import { API_KEYS } from './collection.js'
import { GENERATED_KEYS_PER_USER, MANY_KEYS_COUNT, MULTI_TENANT_KEYS_PER_USER } from './defaults.js'
import { DOCUMENTED_API_KEY } from './documented.js'
import { createApiKeyData } from './factory.js'

/** Generated keys for one user, from the main stream, each created after the last key added. */
function createKeyGenerator(seeder: Seeder) {
  const faker = seeder.faker()
  const to = faker.defaultRefDate().getTime()
  let lastCreated = Date.parse(DOCUMENTED_API_KEY.created_at)
  return (owner: UserRecord, count: number): void => {
    const step = (to - lastCreated) / (count + 1) / 4
    for (let i = 0; i < count; i++) {
      lastCreated += 1000 + Math.floor(faker.number.float({ max: step }))
      seeder.add(
        API_KEYS,
        createApiKeyData(faker, owner, {
          id: seeder.takeId(API_KEYS),
          created_at: toTimestamp(new Date(lastCreated)),
        }),
      )
    }
  }
}

/** Seeds the scenario's keys, then dates the generated users (each before their first key). */
export function seedApiKeys(seeder: Seeder): void {
  const [owner, ...others] = seeder.records(USERS) as [UserRecord, ...UserRecord[]]
  const generate = createKeyGenerator(seeder)
  if (seeder.scenario !== 'empty') seeder.add(API_KEYS, { ...DOCUMENTED_API_KEY })
  switch (seeder.scenario) {
    case 'empty':
      break
    case 'documented':
      for (const user of others) generate(user, seeder.faker().number.int(GENERATED_KEYS_PER_USER))
      break
    case 'many-keys':
      generate(owner, MANY_KEYS_COUNT - 1)
      break
    case 'multi-tenant':
      for (let round = 0; round < MULTI_TENANT_KEYS_PER_USER; round++)
        for (const user of [owner, ...others]) if (round > 0 || user !== owner) generate(user, 1)
      break
  }
  const keys = seeder.records(API_KEYS)
  dateGeneratedUsers(seeder, (userId) => keys.find((key) => key.user_id === userId)?.created_at)
}
