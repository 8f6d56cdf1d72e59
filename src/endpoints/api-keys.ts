import type { EndpointContext, EndpointDefinition } from '../endpoint.js'
import { ApiError, ERROR_MESSAGES, SUCCESS_MESSAGES, toSuccessBody } from '../envelope.js'
import { parseKeyId } from '../internal/key-id.js'
import { CreateApiKeyFieldsSchema, UpdateApiKeyFieldsSchema } from '../schemas.js'
import { ownerOf, parseFields } from './support.js'

/** The body wrapper of API-key writes: `{"api_key": {...}}`. */
const WRAPPER = 'api_key'

function notFound(): never {
  // @note Another user's key answers exactly like a missing one: the API filters every lookup
  // to the caller's own keys, so a foreign id simply does not exist for them (404, not 403).
  throw new ApiError('not_found', [ERROR_MESSAGES.apiKeyNotFound])
}

/** The `{keyId}` of the path; one that cannot name a key is simply a key that does not exist. */
function keyIdOf({ params }: EndpointContext): number {
  return parseKeyId(params['keyId']) ?? notFound()
}

/**
 * Whether reads reveal secrets: the documented `null`, or (`revealKeyValues`) the secret, as the
 * Voiceable web app expects of List and Get (it masks and embeds listed secrets).
 */
function reveal({ revealKeyValues }: EndpointContext): { revealKeyValues: boolean } {
  return { revealKeyValues }
}

/** The five documented API-key endpoints (reference §3). */
export const API_KEY_ENDPOINTS = [
  {
    name: 'listApiKeys',
    method: 'GET',
    path: '/api_keys',
    access: 'read',
    resolve: (context) => ({
      status: 200,
      body: toSuccessBody(
        200,
        SUCCESS_MESSAGES.read,
        context.store.listApiKeys(ownerOf(context), reveal(context)),
      ),
    }),
  },
  {
    name: 'createApiKey',
    method: 'POST',
    path: '/api_keys',
    access: 'write',
    resolve(context) {
      const fields = parseFields(CreateApiKeyFieldsSchema, context.fields(WRAPPER))
      const data = context.store.createApiKey(ownerOf(context), fields)
      return { status: 201, body: toSuccessBody(201, SUCCESS_MESSAGES.created, data) }
    },
  },
  {
    name: 'getApiKey',
    method: 'GET',
    path: '/api_keys/:keyId',
    access: 'read',
    resolve(context) {
      const data =
        context.store.getApiKey(ownerOf(context), keyIdOf(context), reveal(context)) ?? notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.read, data) }
    },
  },
  {
    name: 'updateApiKey',
    method: 'PUT',
    path: '/api_keys/:keyId',
    access: 'write',
    resolve(context) {
      const userId = ownerOf(context)
      const id = keyIdOf(context)
      // The key is looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
      if (context.store.getApiKey(userId, id) === undefined) notFound()
      const fields = parseFields(UpdateApiKeyFieldsSchema, context.fields(WRAPPER))
      const data = context.store.updateApiKey(userId, id, fields) ?? notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.updated, data) }
    },
  },
  {
    name: 'deleteApiKey',
    method: 'DELETE',
    path: '/api_keys/:keyId',
    access: 'write',
    resolve(context) {
      if (!context.store.deleteApiKey(ownerOf(context), keyIdOf(context))) notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.deleted) }
    },
  },
] as const satisfies readonly EndpointDefinition[]
