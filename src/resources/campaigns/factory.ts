import { toTimestamp } from '../../internal/time.js'
import type { Faker } from '../../store/random.js'
import { GENERATED_STATUSES } from './defaults.js'
import type { CampaignRecord } from './schemas.js'

/** Campaign names a real account would use: a purpose and a period. */
const PURPOSES = [
  'Product Launch',
  'Renewal Reminder',
  'Customer Survey',
  'Appointment Follow-up',
  'Win-back',
  'Event Invitation',
] as const

/** An `elevenlabs_batch_call_id` like the documented `batch_abc123`, for a campaign that ran. */
function createBatchCallId(faker: Faker): string {
  return `batch_${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`
}

/**
 * A generated campaign of `fields.user_id`, with one of their agents and its numbers. A pending
 * or scheduled one has not run (no batch call id) and a scheduled one has a time after it was made.
 */
export function createCampaignData(
  faker: Faker,
  fields: Pick<CampaignRecord, 'id' | 'agent_id' | 'phone_number_ids' | 'user_id'> & {
    createdAt: Date
  },
): CampaignRecord {
  const status = faker.helpers.arrayElement(GENERATED_STATUSES)
  const scheduled = status === 'scheduled' || faker.datatype.boolean({ probability: 0.3 })
  const ran = status !== 'pending' && status !== 'scheduled'
  const quarter = `Q${faker.number.int({ min: 1, max: 4 })}`
  return {
    id: fields.id,
    name: `${quarter} ${faker.helpers.arrayElement(PURPOSES)} Campaign`,
    status,
    elevenlabs_batch_call_id: ran ? createBatchCallId(faker) : null,
    recipients_count: faker.number.int({ min: 1, max: 1000 }),
    scheduled_at: scheduled
      ? toTimestamp(faker.date.soon({ days: 30, refDate: fields.createdAt }))
      : null,
    send_immediately: !scheduled,
    created_at: toTimestamp(fields.createdAt),
    agent_id: fields.agent_id,
    phone_number_ids: fields.phone_number_ids,
    user_id: fields.user_id,
  }
}
