/** The API-keys part of the store: every method scoped to one owner, returning fresh copies. */
import type { Principal } from '../../pipeline/principal.js'
import type { StoreContext } from '../../store/context.js'
import { ownership, toUser } from '../accounts/factory.js'
import { USERS } from '../accounts/users.js'
import { createApiKeyGenerator } from './bulk-keys.js'
import { API_KEYS, copyApiKey } from './collection.js'
import { createRandomKeyValue } from './factory.js'
import type {
  ApiKey,
  ApiKeyRecord,
  CreateApiKeyFields,
  KeyType,
  UpdateApiKeyFields,
} from './schemas.js'

/** Whether `key_value` is revealed on reads: the documented `null`, or the secret (`revealKeyValues`). */
export interface RevealOptions {
  revealKeyValues?: boolean | undefined
}

/** API keys, as `mock.store` offers them. */
export interface ApiKeysStore {
  listApiKeys(userId: number, options?: RevealOptions): ApiKey[]
  getApiKey(userId: number, id: number, options?: RevealOptions): ApiKey | undefined
  /** Creates a key; the result is the only place its secret (`key_value`) is ever returned. */
  createApiKey(userId: number, fields: CreateApiKeyFields): ApiKeyRecord
  /** Changes `name`, `allowed_origins`, `allowed_assistants`; bumps `updated_at` if anything changed. */
  updateApiKey(userId: number, id: number, fields: UpdateApiKeyFields): ApiKey | undefined
  /** Deletes (revokes) a key: its secret stops authenticating at once. */
  deleteApiKey(userId: number, id: number): boolean
  /** Adds `count` generated keys to a user in one go (large stores for tests and benchmarks). */
  generateApiKeys(userId: number, count: number): void
  /** Number of keys across all users. */
  countApiKeys(): number
  /** Resolves an API-key secret to its owner, or `undefined` if unknown or revoked. */
  authenticateKeyValue(keyValue: string): Principal | undefined
}

/** A copy of a stored key in the wire format; the secret only when `reveal` is set. */
function toApiKey(record: ApiKeyRecord, reveal: boolean): ApiKey {
  const key: ApiKey = copyApiKey(record)
  if (!reveal) key.key_value = null
  return key
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/** The API keys' store methods, over the store's keys and users. */
export function createApiKeysStore(context: StoreContext): ApiKeysStore {
  const keys = context.collection(API_KEYS)
  const users = context.collection(USERS)

  /**
   * Secrets of keys deleted since the last reset. @note The seeded generator replays its sequence
   * in every store started from a snapshot and after `restore()`, so without this a deleted key's
   * secret could be issued again to a new key: a revoked secret would authenticate again.
   */
  let retired = new Set<string>()
  context.onReset(() => {
    retired = new Set()
  })

  function requireUser(userId: number) {
    const user = users.get(userId)
    if (user === undefined)
      throw new Error(`Failed to find user ${userId}: no such user in the store`)
    return user
  }

  function newKeyValue(keyType: KeyType): string {
    // @note Secrets must be unique, or one secret would authenticate as two keys.
    for (let attempt = 0; attempt < 10; attempt++) {
      const custom = context.settings.generateKeyValue?.(keyType)
      const value = custom ?? createRandomKeyValue(keyType)
      // A custom generator may reuse a deleted key's secret on purpose; the built-in one never does.
      if (keys.findUnique(value) === undefined && (custom !== undefined || !retired.has(value)))
        return value
    }
    throw new Error(
      'Failed to create an API key: generateKeyValue keeps returning secrets already in use',
    )
  }

  return {
    listApiKeys(userId, options = {}) {
      const reveal = options.revealKeyValues === true
      const list: ApiKey[] = []
      for (const record of keys.ownedBy(userId)) list.push(toApiKey(record, reveal))
      return list
    },

    getApiKey(userId, id, options = {}) {
      const record = keys.owned(userId, id)
      return record === undefined ? undefined : toApiKey(record, options.revealKeyValues === true)
    },

    createApiKey(userId, fields) {
      const user = requireUser(userId)
      const record: ApiKeyRecord = {
        id: keys.takeId(),
        key_type: fields.key_type,
        name: fields.name,
        key_value: newKeyValue(fields.key_type),
        allowed_origins: [...(fields.allowed_origins ?? [])],
        allowed_assistants: [...(fields.allowed_assistants ?? [])],
        transient_assistant: fields.transient_assistant ?? false,
        ...ownership(user, context.stamp()),
      }
      return keys.insert(record)
    },

    updateApiKey(userId, id, fields) {
      const record = keys.owned(userId, id)
      if (record === undefined) return undefined
      const changed =
        (fields.name !== undefined && fields.name !== record.name) ||
        (fields.allowed_origins !== undefined &&
          !sameList(fields.allowed_origins, record.allowed_origins)) ||
        (fields.allowed_assistants !== undefined &&
          !sameList(fields.allowed_assistants, record.allowed_assistants))
      if (!changed) return toApiKey(record, false)
      // @note Arrays are replaced, not merged, as the documented Update example shows.
      const next: ApiKeyRecord = {
        ...record,
        name: fields.name ?? record.name,
        allowed_origins: [...(fields.allowed_origins ?? record.allowed_origins)],
        allowed_assistants: [...(fields.allowed_assistants ?? record.allowed_assistants)],
        updated_at: context.stamp(record.updated_at),
      }
      keys.put(next)
      return toApiKey(next, false)
    },

    deleteApiKey(userId, id) {
      if (keys.owned(userId, id) === undefined) return false
      const record = keys.delete(id) as ApiKeyRecord
      retired.add(record.key_value)
      return true
    },

    generateApiKeys(userId, count) {
      const user = requireUser(userId)
      // @note The bulk generator, not createApiKeyData: a million keys in seconds, not minutes.
      const next = createApiKeyGenerator(context.faker(), user)
      for (let i = 0; i < count; i++) {
        const record = next(keys.takeId())
        if (keys.findUnique(record.key_value) !== undefined || retired.has(record.key_value))
          record.key_value = newKeyValue(record.key_type)
        keys.put(record)
      }
    },

    countApiKeys() {
      return keys.size
    },

    authenticateKeyValue(keyValue) {
      const record = keys.findUnique(keyValue)
      const user = record === undefined ? undefined : users.get(record.user_id)
      if (record === undefined || user === undefined) return undefined
      return { user: toUser(user), keyType: record.key_type, apiKeyId: record.id }
    },
  }
}
