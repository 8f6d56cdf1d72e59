/** How `mock.store`'s API-key methods check their arguments (strict, no casting). */
import { BooleanSchema, strictShape, WholeNumberSchema } from '../../internal/input-validation.js'
import {
  EXISTING_USER_ID,
  RecordIdSchema,
  UNCHECKED,
  USER_ID,
  type StoreCalls,
} from '../../store/store-calls.js'
import { CreateApiKeyFieldsSchema, UpdateApiKeyFieldsSchema } from './schemas.js'
import type { ApiKeysStore } from './store.js'

/** `listApiKeys(userId, options)` and `getApiKey(userId, id, options)`. */
const OPTIONS = {
  name: 'options',
  schema: strictShape({ revealKeyValues: BooleanSchema.optional() }, 'option').optional(),
}
const ID = { name: 'id', schema: RecordIdSchema }

/** API-key fields: the request's rules, on values as given, and no field the request would drop. */
const CREATE_FIELDS = {
  name: 'fields',
  schema: strictShape(CreateApiKeyFieldsSchema.shape, 'field'),
}
const UPDATE_FIELDS = {
  name: 'fields',
  schema: strictShape(UpdateApiKeyFieldsSchema.shape, 'field'),
}

export const API_KEY_STORE_CALLS: StoreCalls<ApiKeysStore> = {
  listApiKeys: { failure: 'Failed to list API keys', args: [UNCHECKED, OPTIONS] },
  getApiKey: { failure: 'Failed to get API key', args: [UNCHECKED, UNCHECKED, OPTIONS] },
  createApiKey: { failure: 'Failed to create API key', args: [EXISTING_USER_ID, CREATE_FIELDS] },
  updateApiKey: { failure: 'Failed to update API key', args: [USER_ID, ID, UPDATE_FIELDS] },
  deleteApiKey: { failure: 'Failed to delete API key', args: [USER_ID, ID] },
  generateApiKeys: {
    // @note Checked once per call, never per key: a million keys take seconds (bench/).
    failure: 'Failed to generate API keys',
    args: [EXISTING_USER_ID, { name: 'count', schema: WholeNumberSchema }],
  },
  authenticateKeyValue: {
    lookup: [(value) => typeof value === 'string'],
    otherwise: () => undefined,
  },
}
