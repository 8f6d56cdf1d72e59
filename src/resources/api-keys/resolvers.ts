/** The code behind the five documented API-key endpoints (reference §3; `resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { failWith } from '../../pipeline/envelope.js'
import { ownerOf, readFields, type FieldsReader } from '../../pipeline/fields.js'
import { failWithRecord } from '../../pipeline/record-errors.js'
import { PERMIT } from '../../pipeline/strong-params.js'
import type { Resolver } from '../resource.js'
import { API_KEYS } from './collection.js'
import data from './resource.json' with { type: 'json' }
import {
  CreateApiKeyFieldsSchema,
  UpdateApiKeyFieldsSchema,
  type CreateApiKeyFields,
  type UpdateApiKeyFields,
} from './schemas.js'
import type { ApiKeysStore } from './store.js'

type Context = EndpointContext<ApiKeysStore>

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

// @note Another user's key answers exactly like a missing one: the API filters every lookup to
// the caller's own keys, so a foreign id simply does not exist for them (404, not 403). Only the
// journal's reason says whose it was.
const missing = failWith('not_found', data.errors.not_found, data.errorMessages.apiKeyNotFound)
const notFound = failWithRecord(API_KEYS, 'keyId', missing)

/** The `{keyId}` of the path, cast as ActiveRecord casts it; one that names no key is a missing key. */
const keyIdOf = (context: Context): number =>
  (context.param('keyId') as number) ?? notFound(context)

/**
 * Whether reads reveal secrets: the documented `null`, or (`revealKeyValues`) the secret, as the
 * Voiceable web app expects of List and Get (it masks and embeds listed secrets).
 */
const reveal = ({ revealKeyValues }: Context) => ({ revealKeyValues })

export const resolvers = {
  listApiKeys: (context: Context) => ({
    data: context.store.listApiKeys(ownerOf(context), reveal(context)),
  }),
  createApiKey: (context: Context) => ({
    data: context.store.createApiKey(ownerOf(context), readFields(context, CREATE_FIELDS)),
  }),
  getApiKey: (context: Context) => ({
    data:
      context.store.getApiKey(ownerOf(context), keyIdOf(context), reveal(context)) ??
      notFound(context),
  }),
  updateApiKey(context: Context) {
    const [owner, id] = [ownerOf(context), keyIdOf(context)]
    // The key is looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
    if (context.store.getApiKey(owner, id) === undefined) notFound(context)
    const fields = readFields(context, UPDATE_FIELDS)
    return { data: context.store.updateApiKey(owner, id, fields) ?? notFound(context) }
  },
  deleteApiKey: (context: Context) =>
    context.store.deleteApiKey(ownerOf(context), keyIdOf(context)) ? {} : notFound(context),
} satisfies Record<string, Resolver<ApiKeysStore>>
