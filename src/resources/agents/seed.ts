/**
 * The agents of each scenario: agent `"123"` as documented (but in `empty`), then generated
 * agents for every user, drawn from the agents' own stream, with creation times that grow with
 * their ids, after their owner's and up to the reference date.
 */
import { toTimestamp } from '../../internal/time.js'
import type { Seeder } from '../../store/context.js'
import type { Faker } from '../../store/random.js'
import { DOCUMENTED_USER } from '../accounts/documented.js'
import { USERS } from '../accounts/users.js'
import { AGENTS } from './collection.js'
import { VOICES_STREAM } from '../voices/defaults.js'
import { VOICE_IDS } from '../voices/catalogue.js'
import {
  DOCUMENTED_AGENT_FIRST_MESSAGE,
  GENERATED_AGENTS_PER_USER,
  MULTI_TENANT_AGENTS_PER_USER,
} from './defaults.js'
import { DOCUMENTED_AGENT } from './documented.js'
import { PHONE_NUMBERS } from '../phone-numbers/collection.js'
import { DOCUMENTED_PHONE_NUMBER } from '../phone-numbers/documented.js'
import { createAgentPhoneNumberData } from '../phone-numbers/factory.js'
import { AGENT_PURPOSES, createAgentData } from './factory.js'
import { AGENTS_STREAM } from './store.js'

/** Seeds the documented agent and every user's generated agents. */
export function seedAgents(seeder: Seeder): void {
  if (seeder.scenario === 'empty') return
  // Key 1's `allowed_assistants: ["123"]` names the documented agent: user 1 owns it, with its
  // documented phone number.
  // Its documented `conversation_config` keeps its fields and their types (a string `model`);
  // the greeting the app's Call Script tab shows comes after them.
  const { phone_numbers: _attached, ...documented } = structuredClone(DOCUMENTED_AGENT)
  documented.conversation_config['first_message'] = DOCUMENTED_AGENT_FIRST_MESSAGE
  seeder.add(AGENTS, documented)
  seeder.add(PHONE_NUMBERS, { ...DOCUMENTED_PHONE_NUMBER })
  const rng = seeder.faker(AGENTS_STREAM)
  // Voices come from a stream of their own, so the agents' stream draws what it always drew.
  const voices = seeder.faker(VOICES_STREAM)
  const count = (random: Faker): number =>
    seeder.scenario === 'multi-tenant'
      ? MULTI_TENANT_AGENTS_PER_USER
      : random.number.int(GENERATED_AGENTS_PER_USER)
  const users = seeder.records(USERS)
  const plan = users.map((user) => ({ user, count: count(rng) }))
  const total = plan.reduce((sum, entry) => sum + entry.count, 0)
  const refDate = rng.defaultRefDate().getTime()
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
      const agent = createAgentData(
        rng,
        user,
        {
          id: String(seeder.takeId(AGENTS)),
          created_at: toTimestamp(new Date(last)),
          ...(names[i] === undefined ? {} : { name: names[i] }),
        },
        voices.helpers.arrayElement(VOICE_IDS),
      )
      seeder.add(AGENTS, agent)
      if (rng.datatype.boolean({ probability: 0.3 }))
        seeder.add(
          PHONE_NUMBERS,
          createAgentPhoneNumberData(rng, {
            id: seeder.takeId(PHONE_NUMBERS),
            label: `${agent.name} line`,
            agent_id: Number(agent.id),
            user_id: user.id,
            created_at: agent.created_at,
          }),
        )
    }
  }
}
