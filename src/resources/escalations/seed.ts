/**
 * The escalations of each scenario: 3 to 5 for each user with conversations, each on one of
 * their conversations, drawn from the escalations' own stream.
 */
import type { Seeder } from '../../store/context.js'
import { CONVERSATIONS } from '../conversations/collection.js'
import type { ConversationRecord } from '../conversations/schemas.js'
import { ESCALATIONS } from './collection.js'
import { ESCALATIONS_PER_USER } from './defaults.js'
import { createEscalationData } from './factory.js'
import { ESCALATIONS_STREAM } from './store.js'

/** Seeds every user's escalations, oldest first. */
export function seedEscalations(seeder: Seeder): void {
  const faker = seeder.faker(ESCALATIONS_STREAM)
  const byUser = new Map<number, ConversationRecord[]>()
  for (const conversation of seeder.records(CONVERSATIONS)) {
    const list = byUser.get(conversation.user_id) ?? []
    list.push(conversation)
    byUser.set(conversation.user_id, list)
  }
  for (const [, conversations] of [...byUser].sort(([a], [b]) => a - b)) {
    const count = Math.min(conversations.length, faker.number.int(ESCALATIONS_PER_USER))
    const chosen = faker.helpers
      .arrayElements(conversations, count)
      .sort((a, b) => a.start_time_unix_secs - b.start_time_unix_secs)
    for (const conversation of chosen)
      seeder.add(
        ESCALATIONS,
        createEscalationData(faker, { id: seeder.takeId(ESCALATIONS), conversation }),
      )
  }
}
