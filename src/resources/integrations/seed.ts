/**
 * The integrations of each scenario: user 1's documented ElevenLabs integration (but in `empty`),
 * then, for every generated user, integrations drawn from a stream of their own: ElevenLabs for
 * some generated users and not for others (at least one of each), and a few of other types.
 */
import type { Seeder } from '../../store/context.js'
import { DOCUMENTED_USER } from '../accounts/documented.js'
import { USERS } from '../accounts/users.js'
import { INTEGRATIONS, copyIntegration } from './collection.js'
import { INTEGRATIONS_STREAM, OTHER_INTEGRATIONS_PER_USER } from './defaults.js'
import { DOCUMENTED_INTEGRATION } from './documented.js'
import { createIntegrationData, GENERATED_TYPES } from './factory.js'

const OTHER_TYPES = GENERATED_TYPES.filter(
  (type) => type !== DOCUMENTED_INTEGRATION.integration_type,
)

/** Seeds the documented integration and the generated users' integrations. */
export function seedIntegrations(seeder: Seeder): void {
  if (seeder.scenario === 'empty') return
  seeder.add(INTEGRATIONS, copyIntegration(DOCUMENTED_INTEGRATION))
  const others = seeder.records(USERS).filter((user) => user.id !== DOCUMENTED_USER.id)
  if (others.length === 0) return
  const rng = seeder.faker(INTEGRATIONS_STREAM)
  const refDate = rng.defaultRefDate()
  const count = { min: 1, max: Math.max(1, others.length - 1) }
  const withElevenLabs = new Set(rng.helpers.arrayElements(others, count))
  for (const user of others) {
    const types = [
      ...(withElevenLabs.has(user) ? [DOCUMENTED_INTEGRATION.integration_type] : []),
      ...rng.helpers.arrayElements(OTHER_TYPES, OTHER_INTEGRATIONS_PER_USER),
    ]
    // Each user's integrations come after the user, in id order.
    const times = types
      .map(() => rng.date.between({ from: user.created_at, to: refDate }))
      .sort((a, b) => a.getTime() - b.getTime())
    types.forEach((type, i) => {
      const createdAt = times[i] as Date
      const id = seeder.takeId(INTEGRATIONS)
      seeder.add(INTEGRATIONS, createIntegrationData(rng, user, { id, type, createdAt }))
    })
  }
}
