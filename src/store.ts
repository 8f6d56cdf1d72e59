import { createApiKeyGenerator } from './bulk-keys.js'
import { DEFAULT_REF_DATE, DEFAULT_SEED, DEFAULT_TOKEN_TTL_SECONDS } from './defaults.js'
import { createRandomKeyValue, createUserData } from './factories.js'
import { createTokenSigner, type TokenCheck, type TokenSigner } from './jwt.js'
import { createFaker, type Faker } from './random.js'
import { buildScenario, createTokenSecret, type Scenario } from './scenarios.js'
import type {
  ApiKey,
  ApiKeyRecord,
  CreateApiKeyFields,
  KeyType,
  UpdateApiKeyFields,
  User,
} from './schemas.js'
import { parseSnapshot, SNAPSHOT_FORMAT, type Snapshot } from './snapshot.js'
import { toEpochSeconds, toTimestamp } from './time.js'

export interface StoreOptions {
  /** Seed of every generated value (data, secrets of created keys). Default `DEFAULT_SEED`. */
  seed?: number | undefined
  /** Named starting state. Default `'documented'`. Ignored when `snapshot` is given. */
  scenario?: Scenario | undefined
  /** Start from (and `reset()` to) this snapshot instead of a scenario. Validated on load. */
  snapshot?: unknown
  /** The clock for `created_at`, `updated_at` and token times. Default: the real time. */
  now?: (() => Date) | undefined
  /** Makes the secret of a newly created key. Default: `sk_live_`/`pk_live_` + 24 random characters (WebCrypto, not seeded). */
  generateKeyValue?: ((keyType: KeyType) => string) | undefined
  /** Lifetime of tokens from `issueToken`. Default `DEFAULT_TOKEN_TTL_SECONDS`. */
  tokenTtlSeconds?: number | undefined
}

/** What `createUser` returns: the new user and the secret of a private key that authenticates as them. */
export interface CreatedUser {
  id: number
  email: string
  apiKey: string
}

/** A user as `listUsers` shows it, with the secret of their first private key (or `null`). */
export interface UserSummary {
  id: number
  email: string
  apiKey: string | null
}

/** The identity a credential resolves to. `apiKeyId` is absent for JWTs. */
export interface Principal {
  user: User
  keyType: KeyType | 'jwt'
  apiKeyId?: number
}

/**
 * The in-memory store: an instance, never a singleton. Every API-key method is scoped to one
 * owner and returns fresh copies in the wire format, with `key_value` `null` except from
 * `createApiKey`; nobody holds a reference into the store's internals.
 */
export interface VoiceableStore {
  /** Adds a user and a private key for them (named "Default API Key"); returns its secret. */
  createUser(init?: { email?: string }): CreatedUser
  getUser(id: number): User | undefined
  listUsers(): UserSummary[]
  /** A signed HS256 JWT that authenticates as `userId` until it expires. */
  issueToken(userId: number, options?: { expiresInSeconds?: number }): Promise<string>

  listApiKeys(userId: number): ApiKey[]
  getApiKey(userId: number, id: number): ApiKey | undefined
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
  /** Resolves a JWT to its user; says why when it does not. */
  authenticateToken(
    token: string,
  ): Promise<
    | { ok: true; principal: Principal }
    | Extract<TokenCheck, { ok: false }>
    | { ok: false; reason: 'unknown-user' }
  >

  /** The whole store as plain JSON (secrets included). */
  snapshot(): Snapshot
  /** Replaces the whole store with a snapshot, validated first; throws `SnapshotError` naming bad fields. */
  restore(snapshot: unknown): void
  /** Back to the starting state: the same seeded data or starting snapshot, deep-equal. */
  reset(): void
  /** Switches to another scenario: from now on it is the starting state that `reset()` returns to. */
  useScenario(scenario: Scenario): void
  /** The scenario of the starting state, or `undefined` when the store started from a snapshot. */
  readonly scenario: Scenario | undefined
}

interface State {
  users: Map<number, User>
  keys: Map<number, ApiKeyRecord>
  keyIdsByUser: Map<number, Set<number>>
  keyIdByValue: Map<string, number>
  nextUserId: number
  nextApiKeyId: number
  tokenSecret: string
  signer: TokenSigner
}

/** A copy of a stored key in the wire format; the secret only when `reveal` is set. */
function toApiKey(record: ApiKeyRecord, reveal: false): ApiKey
function toApiKey(record: ApiKeyRecord, reveal: true): ApiKeyRecord
function toApiKey(record: ApiKeyRecord, reveal: boolean): ApiKey {
  return {
    ...record,
    key_value: reveal ? record.key_value : null,
    allowed_origins: [...record.allowed_origins],
    allowed_assistants: [...record.allowed_assistants],
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/**
 * Creates a store.
 * @example
 * const store = createStore({ seed: 42, scenario: 'empty' })
 * const { id, apiKey } = store.createUser({ email: 'ada@example.com' })
 */
export function createStore(options: StoreOptions = {}): VoiceableStore {
  const seed = options.seed ?? DEFAULT_SEED
  const now = options.now ?? (() => new Date())
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS
  let startingSnapshot =
    options.snapshot === undefined ? undefined : parseSnapshot(options.snapshot)
  let scenario = options.scenario ?? 'documented'

  let faker: Faker
  let state: State

  function load(snapshot: Snapshot): State {
    const next: State = {
      users: new Map(),
      keys: new Map(),
      keyIdsByUser: new Map(),
      keyIdByValue: new Map(),
      nextUserId: snapshot.next_user_id,
      nextApiKeyId: snapshot.next_api_key_id,
      tokenSecret: snapshot.token_secret,
      signer: createTokenSigner(snapshot.token_secret),
    }
    for (const user of snapshot.users) {
      next.users.set(user.id, { id: user.id, email: user.email })
      next.keyIdsByUser.set(user.id, new Set())
    }
    // @note Keys are indexed in id order so that every user's list comes out sorted by id.
    const keys = [...snapshot.api_keys].sort((a, b) => a.id - b.id)
    for (const key of keys) insert(next, toApiKey(key, true))
    return next
  }

  function insert(target: State, record: ApiKeyRecord): void {
    target.keys.set(record.id, record)
    target.keyIdsByUser.get(record.user_id)?.add(record.id)
    target.keyIdByValue.set(record.key_value, record.id)
  }

  // @note Drawn from a Faker of its own, so the secret depends on the seed alone: a token
  // issued before a scenario switch or a reset still authenticates after it.
  const tokenSecret = createTokenSecret(createFaker(seed + 1, DEFAULT_REF_DATE))

  /**
   * Secrets of keys deleted since the last reset. @note The seeded generator replays its sequence
   * in every store started from a snapshot and after `restore()`, so without this a deleted key's
   * secret could be issued again to a new key: a revoked secret would authenticate again.
   */
  let retired = new Set<string>()

  function reset(): void {
    retired = new Set()
    faker = createFaker(seed, DEFAULT_REF_DATE)
    state = load(startingSnapshot ?? buildScenario(scenario, faker, tokenSecret))
  }

  function ownedRecord(userId: number, id: number): ApiKeyRecord | undefined {
    const record = state.keys.get(id)
    return record !== undefined && record.user_id === userId ? record : undefined
  }

  function requireUser(userId: number): User {
    const user = state.users.get(userId)
    if (user === undefined)
      throw new Error(`Failed to find user ${userId}: no such user in the store`)
    return user
  }

  function newKeyValue(keyType: KeyType): string {
    // @note Secrets must be unique, or one secret would authenticate as two keys.
    for (let attempt = 0; attempt < 10; attempt++) {
      const custom = options.generateKeyValue?.(keyType)
      const value = custom ?? createRandomKeyValue(keyType)
      // A custom generator may reuse a deleted key's secret on purpose; the built-in one never does.
      if (!state.keyIdByValue.has(value) && (custom !== undefined || !retired.has(value)))
        return value
    }
    throw new Error(
      'Failed to create an API key: generateKeyValue keeps returning secrets already in use',
    )
  }

  /** A timestamp for a write: the clock, but never before `floor` so `updated_at` never goes back. */
  function stamp(floor?: string): string {
    const time = toTimestamp(now())
    return floor !== undefined && time < floor ? floor : time
  }

  function createApiKey(userId: number, fields: CreateApiKeyFields): ApiKeyRecord {
    const user = requireUser(userId)
    const createdAt = stamp()
    const record: ApiKeyRecord = {
      id: state.nextApiKeyId++,
      key_type: fields.key_type,
      name: fields.name,
      key_value: newKeyValue(fields.key_type),
      allowed_origins: [...(fields.allowed_origins ?? [])],
      allowed_assistants: [...(fields.allowed_assistants ?? [])],
      transient_assistant: fields.transient_assistant ?? false,
      user_id: user.id,
      user_email: user.email,
      created_at: createdAt,
      updated_at: createdAt,
    }
    insert(state, record)
    return toApiKey(record, true)
  }

  reset()

  return {
    createUser(init = {}) {
      const user = createUserData(faker, {
        id: state.nextUserId++,
        ...(init.email === undefined ? {} : { email: init.email }),
      })
      state.users.set(user.id, user)
      state.keyIdsByUser.set(user.id, new Set())
      const key = createApiKey(user.id, { name: 'Default API Key', key_type: 'private' })
      return { id: user.id, email: user.email, apiKey: key.key_value }
    },

    getUser(id) {
      const user = state.users.get(id)
      return user === undefined ? undefined : { ...user }
    },

    listUsers() {
      return [...state.users.values()].map((user) => {
        let apiKey: string | null = null
        for (const id of state.keyIdsByUser.get(user.id) ?? []) {
          const record = state.keys.get(id)
          if (record?.key_type === 'private') {
            apiKey = record.key_value
            break
          }
        }
        return { id: user.id, email: user.email, apiKey }
      })
    },

    async issueToken(userId, tokenOptions = {}) {
      requireUser(userId)
      const iat = toEpochSeconds(now())
      return state.signer.sign({
        sub: String(userId),
        scp: 'user',
        iat,
        exp: iat + (tokenOptions.expiresInSeconds ?? tokenTtlSeconds),
        jti: faker.string.uuid(),
      })
    },

    listApiKeys(userId) {
      const ids = state.keyIdsByUser.get(userId)
      if (ids === undefined) return []
      const list: ApiKey[] = []
      for (const id of ids) list.push(toApiKey(state.keys.get(id) as ApiKeyRecord, false))
      return list
    },

    getApiKey(userId, id) {
      const record = ownedRecord(userId, id)
      return record === undefined ? undefined : toApiKey(record, false)
    },

    createApiKey,

    updateApiKey(userId, id, fields) {
      const record = ownedRecord(userId, id)
      if (record === undefined) return undefined
      const changed =
        (fields.name !== undefined && fields.name !== record.name) ||
        (fields.allowed_origins !== undefined &&
          !sameList(fields.allowed_origins, record.allowed_origins)) ||
        (fields.allowed_assistants !== undefined &&
          !sameList(fields.allowed_assistants, record.allowed_assistants))
      if (changed) {
        // @note Arrays are replaced, not merged, as the documented Update example shows.
        const next: ApiKeyRecord = {
          ...record,
          name: fields.name ?? record.name,
          allowed_origins: [...(fields.allowed_origins ?? record.allowed_origins)],
          allowed_assistants: [...(fields.allowed_assistants ?? record.allowed_assistants)],
          updated_at: stamp(record.updated_at),
        }
        state.keys.set(id, next)
        return toApiKey(next, false)
      }
      return toApiKey(record, false)
    },

    deleteApiKey(userId, id) {
      const record = ownedRecord(userId, id)
      if (record === undefined) return false
      state.keys.delete(id)
      state.keyIdsByUser.get(userId)?.delete(id)
      state.keyIdByValue.delete(record.key_value)
      retired.add(record.key_value)
      return true
    },

    generateApiKeys(userId, count) {
      const user = requireUser(userId)
      // @note The bulk generator, not createApiKeyData: a million keys in seconds, not minutes.
      const next = createApiKeyGenerator(faker, user)
      for (let i = 0; i < count; i++) {
        const record = next(state.nextApiKeyId++)
        if (state.keyIdByValue.has(record.key_value) || retired.has(record.key_value))
          record.key_value = newKeyValue(record.key_type)
        insert(state, record)
      }
    },

    countApiKeys() {
      return state.keys.size
    },

    authenticateKeyValue(keyValue) {
      const id = state.keyIdByValue.get(keyValue)
      const record = id === undefined ? undefined : state.keys.get(id)
      const user = record === undefined ? undefined : state.users.get(record.user_id)
      if (record === undefined || user === undefined) return undefined
      return { user: { ...user }, keyType: record.key_type, apiKeyId: record.id }
    },

    async authenticateToken(token) {
      const signer = state.signer
      const check = await signer.verify(token, toEpochSeconds(now()))
      if (!check.ok) return check
      const user = state.users.get(Number(check.claims.sub))
      if (user === undefined || String(user.id) !== check.claims.sub)
        return { ok: false, reason: 'unknown-user' }
      return { ok: true, principal: { user: { ...user }, keyType: 'jwt' } }
    },

    snapshot() {
      return {
        format: SNAPSHOT_FORMAT,
        next_user_id: state.nextUserId,
        next_api_key_id: state.nextApiKeyId,
        token_secret: state.tokenSecret,
        users: [...state.users.values()].map((user) => ({ id: user.id, email: user.email })),
        api_keys: [...state.keys.values()]
          .sort((a, b) => a.id - b.id)
          .map((record) => toApiKey(record, true)),
      }
    },

    restore(snapshot) {
      state = load(parseSnapshot(snapshot))
    },

    reset,

    useScenario(next) {
      startingSnapshot = undefined
      scenario = next
      reset()
    },

    get scenario() {
      return startingSnapshot === undefined ? scenario : undefined
    },
  }
}
