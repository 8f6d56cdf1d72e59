/** The documented examples `resource.json` names (`fixtures/`, verbatim), by file name. */
import campaignExample from '../../../fixtures/campaign.example.json' with { type: 'json' }
import createCampaignData from '../../../fixtures/create-campaign.data.json' with { type: 'json' }

export const fixtures = {
  // The Get Campaign example's data (reference §4.4).
  'campaign.example.json': campaignExample,
  // The Create Campaign response's data (reference §4.4).
  'create-campaign.data.json': createCampaignData,
}
