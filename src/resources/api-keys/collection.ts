import { defineCollection } from '../../store/collection.js'
import { ApiKeyRecordSchema, type ApiKeyRecord } from './schemas.js'

/** A copy of a stored key, secret included, in the documented field order. */
export function copyApiKey(record: ApiKeyRecord): ApiKeyRecord {
  return {
    ...record,
    allowed_origins: [...record.allowed_origins],
    allowed_assistants: [...record.allowed_assistants],
  }
}

/**
 * API keys, secrets included: a restored store still authenticates them. @note Secrets are
 * unique, or one secret would authenticate as two keys.
 */
export const API_KEYS = defineCollection('api_keys', 'api_key', ApiKeyRecordSchema, {
  label: 'API key',
  owner: 'user_id',
  unique: 'key_value',
  copy: copyApiKey,
})

export const COLLECTIONS = [API_KEYS] as const
