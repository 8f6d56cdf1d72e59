/** The documented examples `resource.json` names (`fixtures/`, verbatim), by file name. */
import campaignExample from '../../../fixtures/campaign.example.json' with { type: 'json' }

export const fixtures = {
  // The Get Campaign example's data (reference §4.4).
  'campaign.example.json': campaignExample,
}
