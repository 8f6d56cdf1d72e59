/**
 * The documented examples of `fixtures/`, verbatim, where the OpenAPI document shows them
 * (`fixtures/README.md` names the page each one comes from). Data only: never edited to fit.
 */
import createApiKeyRequest from '../../fixtures/create-api-key.request.json' with { type: 'json' }
import createApiKeyResponse from '../../fixtures/create-api-key.response.json' with { type: 'json' }
import deleteAgentResponse from '../../fixtures/delete-agent.response.json' with { type: 'json' }
import deleteApiKeyResponse from '../../fixtures/delete-api-key.response.json' with { type: 'json' }
import errorEnvelope from '../../fixtures/error-envelope.example.json' with { type: 'json' }
import getApiKeyResponse from '../../fixtures/get-api-key.response.json' with { type: 'json' }
import listAgentsItem from '../../fixtures/list-agents.item.json' with { type: 'json' }
import listApiKeysResponse from '../../fixtures/list-api-keys.response.json' with { type: 'json' }
import updateAgentRequest from '../../fixtures/update-agent.request.json' with { type: 'json' }
import updateApiKeyRequest from '../../fixtures/update-api-key.request.json' with { type: 'json' }
import updateApiKeyResponse from '../../fixtures/update-api-key.response.json' with { type: 'json' }

/** A documented example as OpenAPI's Example Object: where it comes from, and the value itself. */
export interface DocumentedExample {
  summary: string
  value: unknown
}

const documented = (page: string, value: unknown): DocumentedExample => ({
  summary: `The documented example (Voiceable API reference, ${page})`,
  value,
})

/** The documented request and success-response examples of each operation that has one. */
export const OPERATION_EXAMPLES: Readonly<
  Record<string, { request?: DocumentedExample; response?: DocumentedExample }>
> = {
  listApiKeys: { response: documented('List API Keys', listApiKeysResponse) },
  createApiKey: {
    request: documented('Create API Key', createApiKeyRequest),
    response: documented('Create API Key', createApiKeyResponse),
  },
  getApiKey: { response: documented('Get API Key', getApiKeyResponse) },
  updateApiKey: {
    request: documented('Update API Key', updateApiKeyRequest),
    response: documented('Update API Key', updateApiKeyResponse),
  },
  deleteApiKey: { response: documented('Delete API Key', deleteApiKeyResponse) },
  updateAgent: { request: documented('Update Agent', updateAgentRequest) },
  deleteAgent: { response: documented('Delete Agent', deleteAgentResponse) },
}

/** The generic error envelope of the Introduction page: a 400 `Bad Request`. */
export const ERROR_ENVELOPE_EXAMPLE: DocumentedExample = documented(
  'Introduction, error envelope',
  errorEnvelope,
)

/**
 * The one agent the List Agents example shows (the page is cut off after `data`): an example of
 * the `Agent` schema rather than of a whole response.
 */
export const AGENT_EXAMPLE: unknown = listAgentsItem
