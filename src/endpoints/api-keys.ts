import type { EndpointContext, EndpointDefinition } from '../endpoint.js'
import { ApiError, ERROR_MESSAGES, SUCCESS_MESSAGES, toSuccessBody } from '../envelope.js'
import { toRecordId } from '../internal/record-id.js'
import {
  ApiKeyResponseSchema,
  ApiKeySchema,
  CreateApiKeyFieldsSchema,
  CreateApiKeyRequestSchema,
  CreateApiKeyResponseSchema,
  DeleteApiKeyResponseSchema,
  ListApiKeysResponseSchema,
  UpdateApiKeyFieldsSchema,
  UpdateApiKeyRequestSchema,
  type CreateApiKeyFields,
  type UpdateApiKeyFields,
} from '../schemas.js'
import { PERMIT } from '../strong-params.js'
import { ownerOf, readFields, type FieldsReader } from './support.js'

/**
 * `params.require(:api_key).permit(:name, :key_type, :transient_assistant, allowed_origins: [],
 * allowed_assistants: [])` on create, then the model's validations.
 */
const CREATE_FIELDS: FieldsReader<CreateApiKeyFields> = {
  wrapper: 'api_key',
  permit: {
    name: PERMIT.string,
    key_type: PERMIT.string,
    allowed_origins: PERMIT.stringArray,
    allowed_assistants: PERMIT.stringArray,
    transient_assistant: PERMIT.boolean,
  },
  schema: CreateApiKeyFieldsSchema,
}

/**
 * On update only the documented updatable fields are permitted: `key_type` and
 * `transient_assistant` are dropped, so they stay as they are.
 */
const UPDATE_FIELDS: FieldsReader<UpdateApiKeyFields> = {
  wrapper: 'api_key',
  permit: {
    name: PERMIT.string,
    allowed_origins: PERMIT.stringArray,
    allowed_assistants: PERMIT.stringArray,
  },
  schema: UpdateApiKeyFieldsSchema,
}

function notFound(): never {
  // @note Another user's key answers exactly like a missing one: the API filters every lookup
  // to the caller's own keys, so a foreign id simply does not exist for them (404, not 403).
  throw new ApiError('not_found', [ERROR_MESSAGES.apiKeyNotFound])
}

/** The `{keyId}` of the path, cast as ActiveRecord casts it; one that names no key is a missing key. */
function keyIdOf({ params }: EndpointContext): number {
  return toRecordId(params['keyId']) ?? notFound()
}

/**
 * Whether reads reveal secrets: the documented `null`, or (`revealKeyValues`) the secret, as the
 * Voiceable web app expects of List and Get (it masks and embeds listed secrets).
 */
function reveal({ revealKeyValues }: EndpointContext): { revealKeyValues: boolean } {
  return { revealKeyValues }
}

/** `{keyId}`: an API key's integer id, as documented. */
const KEY_ID = { keyId: ApiKeySchema.shape.id }

/** The five documented API-key endpoints (reference §3). */
export const API_KEY_ENDPOINTS = [
  {
    name: 'listApiKeys',
    method: 'GET',
    path: '/api_keys',
    access: 'read',
    response: { status: 200, schema: ListApiKeysResponseSchema },
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
    response: { status: 201, schema: CreateApiKeyResponseSchema },
    body: CreateApiKeyRequestSchema,
    resolve(context) {
      const fields = readFields(context, CREATE_FIELDS)
      const data = context.store.createApiKey(ownerOf(context), fields)
      return { status: 201, body: toSuccessBody(201, SUCCESS_MESSAGES.created, data) }
    },
  },
  {
    name: 'getApiKey',
    method: 'GET',
    path: '/api_keys/:keyId',
    access: 'read',
    response: { status: 200, schema: ApiKeyResponseSchema },
    params: KEY_ID,
    errors: ['not_found'],
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
    response: { status: 200, schema: ApiKeyResponseSchema },
    params: KEY_ID,
    body: UpdateApiKeyRequestSchema,
    errors: ['not_found'],
    resolve(context) {
      const userId = ownerOf(context)
      const id = keyIdOf(context)
      // The key is looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
      if (context.store.getApiKey(userId, id) === undefined) notFound()
      const fields = readFields(context, UPDATE_FIELDS)
      const data = context.store.updateApiKey(userId, id, fields) ?? notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.updated, data) }
    },
  },
  {
    name: 'deleteApiKey',
    method: 'DELETE',
    path: '/api_keys/:keyId',
    access: 'write',
    response: { status: 200, schema: DeleteApiKeyResponseSchema },
    params: KEY_ID,
    errors: ['not_found'],
    resolve(context) {
      if (!context.store.deleteApiKey(ownerOf(context), keyIdOf(context))) notFound()
      return { status: 200, body: toSuccessBody(200, SUCCESS_MESSAGES.deleted) }
    },
  },
] as const satisfies readonly EndpointDefinition[]
