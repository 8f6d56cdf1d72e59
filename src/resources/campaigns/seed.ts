/**
 * The campaigns of each scenario: user 1's documented campaign 1 (but in `empty`), then a campaign
 * or two for every generated user who has an agent and a number, drawn from the campaigns' own
 * stream, each with one of the user's agents and numbers.
 */
import type { Seeder } from '../../store/context.js'
import { DOCUMENTED_USER } from '../accounts/documented.js'
import { USERS } from '../accounts/users.js'
import { AGENTS } from '../agents/collection.js'
import { PHONE_NUMBERS } from '../phone-numbers/collection.js'
import { CAMPAIGNS, copyCampaign } from './collection.js'
import { CAMPAIGNS_PER_USER, CAMPAIGNS_STREAM } from './defaults.js'
import { DOCUMENTED_CAMPAIGN } from './documented.js'
import { createCampaignData } from './factory.js'

/** Seeds the documented campaign and the generated users' campaigns. */
export function seedCampaigns(seeder: Seeder): void {
  if (seeder.scenario === 'empty') return
  seeder.add(CAMPAIGNS, copyCampaign(DOCUMENTED_CAMPAIGN))
  const rng = seeder.faker(CAMPAIGNS_STREAM)
  const refDate = rng.defaultRefDate()
  const agents = seeder.records(AGENTS)
  const numbers = seeder.records(PHONE_NUMBERS)
  for (const user of seeder.records(USERS)) {
    if (user.id === DOCUMENTED_USER.id) continue
    const own = agents.filter((agent) => agent.user_id === user.id)
    const callerIds = numbers.filter((number) => number.user_id === user.id)
    if (own.length === 0 || callerIds.length === 0) continue
    const count = rng.number.int(CAMPAIGNS_PER_USER)
    const times = Array.from({ length: count }, () =>
      rng.date.between({ from: user.created_at, to: refDate }),
    ).sort((a, b) => a.getTime() - b.getTime())
    for (const createdAt of times) {
      const agent = rng.helpers.arrayElement(own)
      const number = rng.helpers.arrayElement(callerIds)
      seeder.add(
        CAMPAIGNS,
        createCampaignData(rng, {
          id: seeder.takeId(CAMPAIGNS),
          agent_id: agent.id,
          phone_number_ids: [number.id],
          user_id: user.id,
          createdAt,
        }),
      )
    }
  }
}
