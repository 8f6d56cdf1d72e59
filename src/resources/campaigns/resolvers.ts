/** The code behind the campaign endpoints (reference §4.4, `resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { ownerOf, readQuery } from '../../pipeline/fields.js'
import { failWithRecord } from '../../pipeline/record-errors.js'
import type { Resolver } from '../resource.js'
import { CAMPAIGNS } from './collection.js'
import { agentIdOf, phoneNumberIdsOf, readCampaignForm } from './form.js'
import data from './resource.json' with { type: 'json' }
import { ListCampaignsQuerySchema } from './schemas.js'
import type { CampaignsStore } from './store.js'

type Context = EndpointContext<CampaignsStore>

// @note Another user's campaign answers exactly like a missing one.
const notFound = failWithRecord(
  CAMPAIGNS,
  'campaignId',
  failWith(
    'campaign_not_found',
    data.errors.campaign_not_found,
    data.errorMessages.campaignNotFound,
  ),
)
const sendersNotFound = failWith(
  'phone_number_or_agent_not_found',
  data.errors.phone_number_or_agent_not_found,
  data.errorMessages.phoneNumberOrAgentNotFound,
)

export const resolvers = {
  listCampaigns(context: Context) {
    readQuery(context, ListCampaignsQuerySchema)
    return { data: context.store.listCampaigns(ownerOf(context)) }
  },
  async createCampaign(context: Context) {
    const owner = ownerOf(context)
    const params = await context.bodyParams()
    const senders = { agent_id: agentIdOf(params), phone_number_ids: phoneNumberIdsOf(params) }
    // Found before the fields are validated, as the controller's `find`s run first: 404 wins over 422.
    if (!context.store.ownsCampaignSenders(owner, senders.agent_id, senders.phone_number_ids))
      sendersNotFound(
        `user ${owner} has no agent '${senders.agent_id}' or no number ${senders.phone_number_ids.join(', ') || '(none sent)'}`,
      )
    const fields = await readCampaignForm(params, senders)
    return { data: context.store.createCampaign(owner, fields) }
  },
  getCampaign(context: Context) {
    const id = context.param('campaignId') as number | undefined
    return {
      data:
        (id === undefined ? undefined : context.store.getCampaign(ownerOf(context), id)) ??
        notFound(context),
    }
  },
} satisfies Record<string, Resolver<CampaignsStore>>
