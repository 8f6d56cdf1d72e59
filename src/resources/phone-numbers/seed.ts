/**
 * The unassigned numbers of each scenario: about every other user has one number no agent uses
 * yet, drawn from the phone numbers' own stream. The numbers agents use come with the agents
 * (their seed draws them, as it always has).
 */
import { toTimestamp } from '../../internal/time.js'
import type { Seeder } from '../../store/context.js'
import { USERS } from '../accounts/users.js'
import { AGENTS } from '../agents/collection.js'
import { DOCUMENTED_AGENT } from '../agents/documented.js'
import { PHONE_NUMBERS } from './collection.js'
import { DOCUMENTED_USER_TWILIO_NUMBER } from './documented.js'
import { createElevenLabsPhoneNumberId } from './factory.js'
import { PHONE_NUMBERS_STREAM } from './store.js'

/** Seeds the scenario's unassigned numbers, then user 1's Twilio caller ID. */
export function seedPhoneNumbers(seeder: Seeder): void {
  if (seeder.scenario === 'empty') return
  const rng = seeder.faker(PHONE_NUMBERS_STREAM)
  const taken = new Set(seeder.records(PHONE_NUMBERS).map((number) => number.phone_number))
  for (const user of seeder.records(USERS)) {
    if (!rng.datatype.boolean()) continue
    const phoneNumber = `+1${rng.string.numeric({ length: 10, allowLeadingZeros: false })}`
    if (taken.has(phoneNumber)) continue
    taken.add(phoneNumber)
    const createdAt = toTimestamp(
      rng.date.between({ from: user.created_at, to: rng.defaultRefDate() }),
    )
    seeder.add(PHONE_NUMBERS, {
      id: seeder.takeId(PHONE_NUMBERS),
      phone_number: phoneNumber,
      label: rng.helpers.arrayElement(['Main line', 'Sales line', 'After hours', 'Outbound']),
      provider: 'twilio',
      elevenlabs_phone_number_id: createElevenLabsPhoneNumberId(rng),
      agent_id: null,
      created_at: createdAt,
      updated_at: createdAt,
      user_id: user.id,
    })
  }
  const agent = seeder
    .records(AGENTS)
    .find(
      (candidate) =>
        candidate.user_id === DOCUMENTED_USER_TWILIO_NUMBER.user_id &&
        candidate.id !== DOCUMENTED_AGENT.id,
    )
  if (agent === undefined) return
  const { created_at, updated_at, user_id, ...number } = DOCUMENTED_USER_TWILIO_NUMBER
  // In the record's field order: the agent before the times.
  seeder.add(PHONE_NUMBERS, {
    id: seeder.takeId(PHONE_NUMBERS),
    ...number,
    agent_id: Number(agent.id),
    created_at,
    updated_at,
    user_id,
  })
}
