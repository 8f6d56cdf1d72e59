import { defineCollection } from '../../store/collection.js'
import { CampaignRecordSchema, type CampaignRecord } from './schemas.js'

/** A copy of a stored campaign (its list of numbers too). */
export function copyCampaign(record: CampaignRecord): CampaignRecord {
  return { ...record, phone_number_ids: [...record.phone_number_ids] }
}

/** Campaigns, each owned by a user, calling with one of their agents from their numbers. */
export const CAMPAIGNS = defineCollection('campaigns', 'campaign', CampaignRecordSchema, {
  label: 'campaign',
  owner: 'user_id',
  copy: copyCampaign,
})

export const COLLECTIONS = [CAMPAIGNS] as const
