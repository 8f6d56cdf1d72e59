/** The campaigns part of the store: every method scoped to one owner, returning fresh copies. */
import type { StoreContext } from '../../store/context.js'
import { USERS } from '../accounts/users.js'
import { AGENTS } from '../agents/collection.js'
import { PHONE_NUMBERS } from '../phone-numbers/collection.js'
import { CAMPAIGNS } from './collection.js'
import { CREATED_STATUS } from './defaults.js'
import type { Campaign, CampaignRecord } from './schemas.js'

/** What `createCampaign` takes: the agent and numbers are the owner's own. */
export interface CreateCampaignFields {
  name: string
  /** One of the owner's agents. */
  agent_id: string
  /** The owner's numbers to call from: at least one. */
  phone_number_ids: readonly number[]
  recipients_count: number
  send_immediately: boolean
  /** When a campaign that is not sent at once starts (ISO, UTC); `null` or absent for none. */
  scheduled_at?: string | null | undefined
}

/** Campaigns, as `mock.store` offers them. */
export interface CampaignsStore {
  /** A user's campaigns, in id order, in the documented shape. */
  listCampaigns(userId: number): Campaign[]
  getCampaign(userId: number, id: number): Campaign | undefined
  /** Whether the agent and every number are the user's own (else the API's 404). */
  ownsCampaignSenders(userId: number, agentId: string, phoneNumberIds: readonly number[]): boolean
  /** Creates a `pending` campaign; a foreign agent or number throws. */
  createCampaign(userId: number, fields: CreateCampaignFields): Campaign
  /** Number of campaigns across all users. */
  countCampaigns(): number
}

/** A campaign in the wire format: the documented fields, in their order. */
function present(record: CampaignRecord): Campaign {
  return {
    id: record.id,
    name: record.name,
    status: record.status,
    elevenlabs_batch_call_id: record.elevenlabs_batch_call_id,
    recipients_count: record.recipients_count,
    scheduled_at: record.scheduled_at,
    send_immediately: record.send_immediately,
    created_at: record.created_at,
  }
}

/** The campaigns' store methods, over the store's campaigns, agents, numbers and users. */
export function createCampaignsStore(context: StoreContext): CampaignsStore {
  const campaigns = context.collection(CAMPAIGNS)
  const agents = context.collection(AGENTS)
  const numbers = context.collection(PHONE_NUMBERS)
  const users = context.collection(USERS)

  const owns = (userId: number, agentId: string, phoneNumberIds: readonly number[]): boolean =>
    agents.owned(userId, agentId) !== undefined &&
    phoneNumberIds.length > 0 &&
    phoneNumberIds.every((id) => numbers.owned(userId, id) !== undefined)

  return {
    listCampaigns: (userId) => [...campaigns.ownedBy(userId)].map(present),

    getCampaign(userId, id) {
      const record = campaigns.owned(userId, id)
      return record === undefined ? undefined : present(record)
    },

    ownsCampaignSenders: owns,

    createCampaign(userId, fields) {
      if (users.get(userId) === undefined)
        throw new Error(`Failed to find user ${userId}: no such user in the store`)
      if (!owns(userId, fields.agent_id, fields.phone_number_ids))
        throw new Error(
          `Failed to create the campaign: user ${userId} does not own agent ${fields.agent_id} and numbers ${fields.phone_number_ids.join(', ')}`,
        )
      return present(
        campaigns.insert({
          id: campaigns.takeId(),
          name: fields.name,
          status: CREATED_STATUS,
          elevenlabs_batch_call_id: null,
          recipients_count: fields.recipients_count,
          scheduled_at: fields.send_immediately ? null : (fields.scheduled_at ?? null),
          send_immediately: fields.send_immediately,
          created_at: context.stamp(),
          agent_id: fields.agent_id,
          phone_number_ids: [...fields.phone_number_ids],
          user_id: userId,
        }),
      )
    },

    countCampaigns: () => campaigns.size,
  }
}
