import { createApiKeyGenerator } from './bulk-keys.js'
import {
  DEFAULT_MEMBERSHIP_STATUS,
  DEFAULT_PASSWORD,
  DEFAULT_REF_DATE,
  DEFAULT_ROLE,
  DEFAULT_SEED,
  DEFAULT_TOKEN_TTL_SECONDS,
  SIGN_UP_MEMBERSHIP_STATUS,
  SIGN_UP_ROLE,
} from './defaults.js'
import { createElevenLabsAgentId, createRandomKeyValue, createUserData } from './factories.js'
import { createTokenSigner, type TokenCheck, type TokenSigner } from './jwt.js'
import { createFaker, STREAMS, type Faker } from './random.js'
import { buildScenario, createTokenSecret, type Scenario } from './scenarios.js'
import {
  type Agent,
  type ApiKey,
  type ApiKeyRecord,
  type CreateAgentFields,
  type CreateApiKeyFields,
  type KeyType,
  type MembershipStatus,
  type Role,
  type UpdateAgentFields,
  type UpdateApiKeyFields,
  type User,
  type UserRecord,
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
  /**
   * Makes the `jti` (token id) of each issued JWT, the id sign-out revokes. Default: a random
   * UUID (WebCrypto, not seeded, so a token issued after a reset never shares a revoked id).
   */
  generateTokenId?: (() => string) | undefined
}

/** What `createUser` takes: every field is optional. */
export interface CreateUserInit {
  /** Well formed (one `@`, no spaces) and no other user's, compared case-insensitively. Default: generated. */
  email?: string | undefined
  /** 6 to 128 characters, not blank, as sign-up requires. Default `DEFAULT_PASSWORD` (`password`). */
  password?: string | undefined
  /** Default `DEFAULT_ROLE` (`enterprise`). */
  role?: Role | undefined
  /** Default `DEFAULT_MEMBERSHIP_STATUS` (`active`). */
  membershipStatus?: MembershipStatus | undefined
}

/** What `createUser` returns: the new user and the secret of a private key that authenticates as them. */
export interface CreatedUser {
  id: number
  email: string
  apiKey: string
}

/**
 * A user as `listUsers` shows it, for a banner or a test: the password to sign in with (demo
 * data) and the secret of their first private key (or `null`).
 */
export interface UserSummary {
  id: number
  email: string
  password: string
  apiKey: string | null
}

/** The identity a credential resolves to. `apiKeyId` is absent for JWTs; `tokenId` is a JWT's `jti`. */
export interface Principal {
  user: User
  keyType: KeyType | 'jwt'
  apiKeyId?: number
  /** The `jti` of the JWT among the credentials (the one sign-out revokes), when there is one. */
  tokenId?: string
}

/** Whether `key_value` is revealed on reads: the documented `null`, or the secret (`revealKeyValues`). */
export interface RevealOptions {
  revealKeyValues?: boolean | undefined
}

/**
 * The in-memory store: an instance, never a singleton. Every API-key and agent method is scoped
 * to one owner and returns fresh copies in the wire format, with `key_value` `null` except from
 * `createApiKey` (or when asked to reveal it); users come without their password, except in
 * `listUsers`; nobody holds a reference into the store's internals.
 *
 * `mock.store` checks every argument (`createCheckedStore`): a change with a bad argument throws
 * a `TypeError` naming it (`Failed to create user: email …`) and changes nothing; a lookup of an
 * id that cannot exist finds nothing.
 */
export interface VoiceableStore {
  /**
   * Adds a user (password `password`, role `enterprise`, membership `active` unless `init` says
   * otherwise) and a private key for them (named "Default API Key"); returns its secret.
   */
  createUser(init?: CreateUserInit): CreatedUser
  getUser(id: number): User | undefined
  listUsers(): UserSummary[]
  /** The user an email names, as Devise finds one: case-insensitive, surrounding spaces ignored. */
  findUserByEmail(email: string): User | undefined
  /** The user whose email and password these are (what sign-in checks), or `undefined`. */
  authenticatePassword(email: string, password: string): User | undefined
  /**
   * Adds a user as `POST /auth/sign_up` does: email normalized, role `user`, membership `free`,
   * no API key. The caller has validated the fields (the endpoint does, as Devise would).
   */
  signUp(fields: { email: string; password: string }): User
  /** A signed HS256 JWT that authenticates as `userId` until it expires or is revoked. */
  issueToken(userId: number, options?: { expiresInSeconds?: number | undefined }): Promise<string>
  /** Revokes the JWT whose `jti` this is, as sign-out does: it answers 401 from then on. */
  revokeTokenId(tokenId: string): void

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

  /** A user's agents, in id order. */
  listAgents(userId: number): Agent[]
  getAgent(userId: number, id: string): Agent | undefined
  /** Creates an agent: unpublished, version 1, no phone numbers, the next id. */
  createAgent(userId: number, fields: CreateAgentFields): Agent
  /** Replaces the fields given (objects and lists whole); bumps `updated_at` if anything changed. */
  updateAgent(userId: number, id: string, fields: UpdateAgentFields): Agent | undefined
  deleteAgent(userId: number, id: string): boolean
  /** Number of agents across all users. */
  countAgents(): number

  /** Resolves an API-key secret to its owner, or `undefined` if unknown or revoked. */
  authenticateKeyValue(keyValue: string): Principal | undefined
  /** Resolves a JWT to its user; says why when it does not. */
  authenticateToken(
    token: string,
  ): Promise<
    | { ok: true; principal: Principal }
    | Extract<TokenCheck, { ok: false }>
    | { ok: false; reason: 'unknown-user' | 'revoked' }
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
  users: Map<number, UserRecord>
  keys: Map<number, ApiKeyRecord>
  keyIdsByUser: Map<number, Set<number>>
  keyIdByValue: Map<string, number>
  /** In id order: loaded sorted, and new ids are always the largest. */
  agents: Map<string, Agent>
  nextUserId: number
  nextApiKeyId: number
  nextAgentId: number
  revokedTokenIds: Set<string>
  tokenSecret: string
  signer: TokenSigner
}

/** A user in the wire format: a copy, without the password. */
function toUser(record: UserRecord): User {
  return {
    id: record.id,
    email: record.email,
    role: record.role,
    membership_status: record.membership_status,
    created_at: record.created_at,
    updated_at: record.updated_at,
  }
}

/** A copy of a JSON value (agent configs are plain JSON, validated to a bounded depth). */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A copy of an agent in the documented field order; `widget_config` only once it has been set. */
function toAgent(agent: Agent): Agent {
  return {
    id: agent.id,
    name: agent.name,
    tags: [...agent.tags],
    conversation_config: copyJson(agent.conversation_config),
    platform_settings: copyJson(agent.platform_settings),
    ...(agent.widget_config === undefined ? {} : { widget_config: copyJson(agent.widget_config) }),
    published: agent.published,
    published_at: agent.published_at,
    elevenlabs_agent_id: agent.elevenlabs_agent_id,
    version: agent.version,
    phone_numbers: agent.phone_numbers.map((phone) => ({ ...phone })),
    user_id: agent.user_id,
    user_email: agent.user_email,
    created_at: agent.created_at,
    updated_at: agent.updated_at,
  }
}

/** An email as Devise compares it: surrounding whitespace stripped, lower case. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** A copy of a stored key in the wire format; the secret only when `reveal` is set. */
function toApiKey(record: ApiKeyRecord, reveal: false): ApiKey
function toApiKey(record: ApiKeyRecord, reveal: true): ApiKeyRecord
function toApiKey(record: ApiKeyRecord, reveal: boolean): ApiKey
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
  /** Draws the `elevenlabs_agent_id` of created agents: a stream apart from users and keys. */
  let agentFaker: Faker
  let state: State

  function load(snapshot: Snapshot): State {
    const next: State = {
      users: new Map(),
      keys: new Map(),
      keyIdsByUser: new Map(),
      keyIdByValue: new Map(),
      agents: new Map(),
      nextUserId: snapshot.next_user_id,
      nextApiKeyId: snapshot.next_api_key_id,
      nextAgentId: snapshot.next_agent_id,
      revokedTokenIds: new Set(snapshot.revoked_token_ids),
      tokenSecret: snapshot.token_secret,
      signer: createTokenSigner(snapshot.token_secret),
    }
    for (const user of snapshot.users) {
      next.users.set(user.id, { ...toUser(user), password: user.password })
      next.keyIdsByUser.set(user.id, new Set())
    }
    // @note Keys are indexed in id order so that every user's list comes out sorted by id.
    const keys = [...snapshot.api_keys].sort((a, b) => a.id - b.id)
    for (const key of keys) insert(next, toApiKey(key, true))
    const agents = [...snapshot.agents].sort((a, b) => Number(a.id) - Number(b.id))
    for (const agent of agents) next.agents.set(agent.id, toAgent(agent))
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
    agentFaker = createFaker([seed, STREAMS.agents], DEFAULT_REF_DATE)
    state = load(
      startingSnapshot ??
        buildScenario(
          scenario,
          {
            main: faker,
            userTimestamps: createFaker([seed, STREAMS.userTimestamps], DEFAULT_REF_DATE),
            agents: agentFaker,
          },
          tokenSecret,
        ),
    )
  }

  function ownedRecord(userId: number, id: number): ApiKeyRecord | undefined {
    const record = state.keys.get(id)
    return record !== undefined && record.user_id === userId ? record : undefined
  }

  function ownedAgent(userId: number, id: string): Agent | undefined {
    const agent = state.agents.get(id)
    return agent !== undefined && agent.user_id === userId ? agent : undefined
  }

  function requireUser(userId: number): UserRecord {
    const user = state.users.get(userId)
    if (user === undefined)
      throw new Error(`Failed to find user ${userId}: no such user in the store`)
    return user
  }

  /** The first user (lowest id) whose email this is, compared as Devise compares emails. */
  function findByEmail(email: string): UserRecord | undefined {
    const wanted = normalizeEmail(email)
    for (const user of state.users.values()) if (normalizeEmail(user.email) === wanted) return user
    return undefined
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

  function addUser(record: UserRecord): void {
    state.users.set(record.id, record)
    state.keyIdsByUser.set(record.id, new Set())
  }

  reset()

  return {
    createUser(init = {}) {
      const id = state.nextUserId++
      const draw = () =>
        createUserData(faker, {
          id,
          created_at: stamp(),
          password: init.password ?? DEFAULT_PASSWORD,
          role: init.role ?? DEFAULT_ROLE,
          membership_status: init.membershipStatus ?? DEFAULT_MEMBERSHIP_STATUS,
          ...(init.email === undefined ? {} : { email: init.email }),
        })
      let user = draw()
      // @note Emails are unique: a generated one that a user already has (rare) is drawn again.
      for (let attempt = 0; init.email === undefined && attempt < 10; attempt++) {
        if (findByEmail(user.email) === undefined) break
        user = draw()
      }
      addUser(user)
      const key = createApiKey(user.id, { name: 'Default API Key', key_type: 'private' })
      return { id: user.id, email: user.email, apiKey: key.key_value }
    },

    getUser(id) {
      const user = state.users.get(id)
      return user === undefined ? undefined : toUser(user)
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
        return { id: user.id, email: user.email, password: user.password, apiKey }
      })
    },

    findUserByEmail(email) {
      const user = findByEmail(email)
      return user === undefined ? undefined : toUser(user)
    },

    authenticatePassword(email, password) {
      const user = findByEmail(email)
      return user === undefined || user.password !== password ? undefined : toUser(user)
    },

    signUp(fields) {
      const createdAt = stamp()
      const user: UserRecord = {
        id: state.nextUserId++,
        email: normalizeEmail(fields.email),
        role: SIGN_UP_ROLE,
        membership_status: SIGN_UP_MEMBERSHIP_STATUS,
        created_at: createdAt,
        updated_at: createdAt,
        password: fields.password,
      }
      addUser(user)
      return toUser(user)
    },

    async issueToken(userId, tokenOptions = {}) {
      requireUser(userId)
      const iat = toEpochSeconds(now())
      // @note Still drawn, though not used: the seeded sequence of users created later stays
      // what it was when token ids came from it.
      faker.string.uuid()
      return state.signer.sign({
        sub: String(userId),
        scp: 'user',
        iat,
        exp: iat + (tokenOptions.expiresInSeconds ?? tokenTtlSeconds),
        jti: options.generateTokenId?.() ?? crypto.randomUUID(),
      })
    },

    revokeTokenId(tokenId) {
      state.revokedTokenIds.add(tokenId)
    },

    listApiKeys(userId, readOptions = {}) {
      const ids = state.keyIdsByUser.get(userId)
      if (ids === undefined) return []
      const reveal = readOptions.revealKeyValues === true
      const list: ApiKey[] = []
      for (const id of ids) list.push(toApiKey(state.keys.get(id) as ApiKeyRecord, reveal))
      return list
    },

    getApiKey(userId, id, readOptions = {}) {
      const record = ownedRecord(userId, id)
      return record === undefined
        ? undefined
        : toApiKey(record, readOptions.revealKeyValues === true)
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

    listAgents(userId) {
      const list: Agent[] = []
      for (const agent of state.agents.values())
        if (agent.user_id === userId) list.push(toAgent(agent))
      return list
    },

    getAgent(userId, id) {
      const agent = ownedAgent(userId, id)
      return agent === undefined ? undefined : toAgent(agent)
    },

    createAgent(userId, fields) {
      const user = requireUser(userId)
      const createdAt = stamp()
      const agent: Agent = {
        id: String(state.nextAgentId++),
        name: fields.name,
        tags: [...(fields.tags ?? [])],
        conversation_config: copyJson(fields.conversation_config ?? {}),
        platform_settings: copyJson(fields.platform_settings ?? {}),
        ...(fields.widget_config === undefined
          ? {}
          : { widget_config: copyJson(fields.widget_config) }),
        published: false,
        published_at: null,
        elevenlabs_agent_id: createElevenLabsAgentId(agentFaker),
        version: 1,
        phone_numbers: [],
        user_id: user.id,
        user_email: user.email,
        created_at: createdAt,
        updated_at: createdAt,
      }
      state.agents.set(agent.id, agent)
      return toAgent(agent)
    },

    updateAgent(userId, id, fields) {
      const agent = ownedAgent(userId, id)
      if (agent === undefined) return undefined
      // @note Objects and lists are replaced whole, not merged, as a jsonb column is by Rails'
      // `update`; the documented Update example sends the whole new `tags`.
      const next: Agent = toAgent({
        ...agent,
        ...(fields.name === undefined ? {} : { name: fields.name }),
        ...(fields.tags === undefined ? {} : { tags: fields.tags }),
        ...(fields.conversation_config === undefined
          ? {}
          : { conversation_config: fields.conversation_config }),
        ...(fields.platform_settings === undefined
          ? {}
          : { platform_settings: fields.platform_settings }),
        ...(fields.widget_config === undefined ? {} : { widget_config: fields.widget_config }),
      })
      if (JSON.stringify(next) === JSON.stringify(agent)) return toAgent(agent)
      next.updated_at = stamp(agent.updated_at)
      state.agents.set(id, next)
      return toAgent(next)
    },

    deleteAgent(userId, id) {
      if (ownedAgent(userId, id) === undefined) return false
      state.agents.delete(id)
      return true
    },

    countAgents() {
      return state.agents.size
    },

    authenticateKeyValue(keyValue) {
      const id = state.keyIdByValue.get(keyValue)
      const record = id === undefined ? undefined : state.keys.get(id)
      const user = record === undefined ? undefined : state.users.get(record.user_id)
      if (record === undefined || user === undefined) return undefined
      return { user: toUser(user), keyType: record.key_type, apiKeyId: record.id }
    },

    async authenticateToken(token) {
      const signer = state.signer
      const check = await signer.verify(token, toEpochSeconds(now()))
      if (!check.ok) return check
      // Order: signature, expiry (checked by `verify`), revocation, then the user.
      const tokenId = check.claims.jti
      if (typeof tokenId === 'string' && state.revokedTokenIds.has(tokenId))
        return { ok: false, reason: 'revoked' }
      const user = state.users.get(Number(check.claims.sub))
      if (user === undefined || String(user.id) !== check.claims.sub)
        return { ok: false, reason: 'unknown-user' }
      const principal: Principal = { user: toUser(user), keyType: 'jwt' }
      if (typeof tokenId === 'string') principal.tokenId = tokenId
      return { ok: true, principal }
    },

    snapshot() {
      return {
        format: SNAPSHOT_FORMAT,
        next_user_id: state.nextUserId,
        next_api_key_id: state.nextApiKeyId,
        next_agent_id: state.nextAgentId,
        token_secret: state.tokenSecret,
        users: [...state.users.values()].map((user) => ({
          ...toUser(user),
          password: user.password,
        })),
        api_keys: [...state.keys.values()]
          .sort((a, b) => a.id - b.id)
          .map((record) => toApiKey(record, true)),
        agents: [...state.agents.values()].map(toAgent),
        revoked_token_ids: [...state.revokedTokenIds],
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
