/** How `mock.store`'s campaign methods check their arguments (strict, no casting). */
import * as z from 'zod'
import { strictShape, WholeNumberSchema } from '../../internal/input-validation.js'
import { EXISTING_USER_ID, RecordIdSchema, type StoreCalls } from '../../store/store-calls.js'
import type { CampaignsStore, CreateCampaignFields } from './store.js'

const FIELDS = {
  name: 'fields',
  schema: strictShape(
    {
      name: z
        .string({ error: 'must be a non-empty string' })
        .refine((name) => name.trim() !== '', { error: 'must be a non-empty string' }),
      agent_id: z.string({ error: "must be an agent's id, such as '123'" }),
      phone_number_ids: z
        .array(RecordIdSchema, { error: 'must be a non-empty array of phone number ids' })
        .min(1, { error: 'must be a non-empty array of phone number ids' }),
      recipients_count: WholeNumberSchema,
      send_immediately: z.boolean({ error: 'must be true or false' }),
      scheduled_at: z.iso
        .datetime({ precision: 0, error: "must be an ISO time such as '2024-02-01T10:00:00Z'" })
        .nullable()
        .optional(),
    },
    'field',
  ),
  against: (fields: CreateCampaignFields, store: CampaignsStore, args: readonly unknown[]) =>
    store.ownsCampaignSenders(args[0] as number, fields.agent_id, fields.phone_number_ids)
      ? undefined
      : `agent_id and phone_number_ids must name user ${String(args[0])}'s own agent and numbers, got agent '${fields.agent_id}' and numbers [${fields.phone_number_ids.join(', ')}]`,
}

export const CAMPAIGN_STORE_CALLS: StoreCalls<CampaignsStore> = {
  createCampaign: { failure: 'Failed to create campaign', args: [EXISTING_USER_ID, FIELDS] },
}
