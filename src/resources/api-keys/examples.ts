/** The documented examples `resource.json` names (`fixtures/`, verbatim), by file name. */
import createApiKeyRequest from '../../../fixtures/create-api-key.request.json' with { type: 'json' }
import createApiKeyResponse from '../../../fixtures/create-api-key.response.json' with { type: 'json' }
import deleteApiKeyResponse from '../../../fixtures/delete-api-key.response.json' with { type: 'json' }
import getApiKeyResponse from '../../../fixtures/get-api-key.response.json' with { type: 'json' }
import listApiKeysResponse from '../../../fixtures/list-api-keys.response.json' with { type: 'json' }
import updateApiKeyRequest from '../../../fixtures/update-api-key.request.json' with { type: 'json' }
import updateApiKeyResponse from '../../../fixtures/update-api-key.response.json' with { type: 'json' }

export const fixtures = {
  'create-api-key.request.json': createApiKeyRequest,
  'create-api-key.response.json': createApiKeyResponse,
  'delete-api-key.response.json': deleteApiKeyResponse,
  'get-api-key.response.json': getApiKeyResponse,
  'list-api-keys.response.json': listApiKeysResponse,
  'update-api-key.request.json': updateApiKeyRequest,
  'update-api-key.response.json': updateApiKeyResponse,
}
