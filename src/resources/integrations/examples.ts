/** The documented examples `resource.json` names (`fixtures/`, verbatim), by file name. */
import createIntegrationRequest from '../../../fixtures/create-integration.request.json' with { type: 'json' }
import integrationExample from '../../../fixtures/integration.example.json' with { type: 'json' }
import updateIntegrationRequest from '../../../fixtures/update-integration.request.json' with { type: 'json' }

export const fixtures = {
  'create-integration.request.json': createIntegrationRequest,
  // The integration object every Integrations page shows (reference §4.2).
  'integration.example.json': integrationExample,
  'update-integration.request.json': updateIntegrationRequest,
}
