import { DOCUMENTED_AGENT } from '../agents/documented.js'
import { DOCUMENTED_USER } from '../accounts/documented.js'
import { DOCUMENTED_PHONE_NUMBER } from '../phone-numbers/documented.js'
import type { CampaignRecord } from './schemas.js'

/**
 * Campaign 1 exactly as the Get Campaign example shows it (reference §4.4,
 * `fixtures/campaign.example.json`). @note The docs do not say which agent and number it called
 * with: the documented ones, user 1's.
 */
export const DOCUMENTED_CAMPAIGN: Readonly<CampaignRecord> = Object.freeze({
  id: 1,
  name: 'Q1 Product Launch Campaign',
  status: 'completed',
  elevenlabs_batch_call_id: 'batch_abc123',
  recipients_count: 500,
  scheduled_at: null,
  send_immediately: true,
  created_at: '2024-01-15T10:30:00Z',
  agent_id: DOCUMENTED_AGENT.id,
  phone_number_ids: Object.freeze([DOCUMENTED_PHONE_NUMBER.id]) as number[],
  user_id: DOCUMENTED_USER.id,
})
