/**
 * A small reference model of the Voiceable API-keys endpoints, written from the reference
 * (`shared/reference/voiceable-api.md`) and the choices listed in docs/fidelity.md,
 * not from the fake's code. It predicts the status, the body (byte for byte) and the rate-limit
 * headers of every request the model test sends, so any disagreement is either a bug in the fake
 * or a wrong line here; both are worth knowing.
 *
 * The model works on abstract requests (who calls, with which credential, on which id, with
 * which body) and also builds the concrete `Request`, so the two can never drift apart.
 */
import {
  ERROR_MESSAGES,
  ERROR_STATUS,
  SUCCESS_MESSAGES,
  type ErrorCode,
  type Snapshot,
} from 'voiceable-mock'

// ---------------------------------------------------------------------------------------------
// State

export interface ModelKey {
  id: number
  key_type: 'private' | 'public'
  name: string
  key_value: string
  allowed_origins: string[]
  allowed_assistants: string[]
  transient_assistant: boolean
  user_id: number
  user_email: string
  created_at: string
  updated_at: string
}

export interface ModelUser {
  id: number
  email: string
  role: string
  membership_status: string
  created_at: string
  updated_at: string
  /** Shown by `GET /user/current` only, after the user's fields (the web app's tour flag). */
  assistant_detail_tour_completed: boolean
  password: string
}

/** Everything a snapshot restores: the store, plus what the invariants remember of this timeline. */
export interface ModelState {
  users: Map<number, ModelUser>
  keys: Map<number, ModelKey>
  nextUserId: number
  nextKeyId: number
  tokenSecret: string
  /** Every key id this timeline has ever handed out: a new key must never get one of them. */
  issuedIds: Set<number>
  /** Secrets of deleted keys: they must answer 401 for as long as this timeline lasts. */
  revoked: Map<string, number>
  /**
   * The snapshot the state started from, in its field order: the fields no operation of the model
   * touches (agents, phone numbers, conversations, integrations, …) are carried as it has them.
   */
  untouched: Readonly<Record<string, unknown>>
  /** `jti`s of tokens revoked by signing out, in the order they were revoked. */
  revokedTokenIds: string[]
}

export function stateFromSnapshot(snapshot: Snapshot): ModelState {
  const keys = new Map<number, ModelKey>()
  for (const key of snapshot.api_keys)
    keys.set(key.id, {
      ...key,
      allowed_origins: [...key.allowed_origins],
      allowed_assistants: [...key.allowed_assistants],
    })
  return {
    users: new Map(snapshot.users.map((user) => [user.id, { ...user }])),
    keys,
    nextUserId: snapshot.next_user_id,
    nextKeyId: snapshot.next_api_key_id,
    tokenSecret: snapshot.token_secret,
    issuedIds: new Set(keys.keys()),
    revoked: new Map(),
    untouched: structuredClone(snapshot),
    revokedTokenIds: [...snapshot.revoked_token_ids],
  }
}

export function cloneState(state: ModelState): ModelState {
  const keys = new Map<number, ModelKey>()
  for (const [id, key] of state.keys)
    keys.set(id, {
      ...key,
      allowed_origins: [...key.allowed_origins],
      allowed_assistants: [...key.allowed_assistants],
    })
  return {
    users: new Map([...state.users].map(([id, user]) => [id, { ...user }])),
    keys,
    nextUserId: state.nextUserId,
    nextKeyId: state.nextKeyId,
    tokenSecret: state.tokenSecret,
    issuedIds: new Set(state.issuedIds),
    revoked: new Map(state.revoked),
    untouched: state.untouched,
    revokedTokenIds: [...state.revokedTokenIds],
  }
}

/** The snapshot the fake should produce for this state (keys in id order, users in id order). */
export function toSnapshot(state: ModelState): Snapshot {
  const touched: Record<string, unknown> = {
    next_user_id: state.nextUserId,
    next_api_key_id: state.nextKeyId,
    token_secret: state.tokenSecret,
    users: [...state.users.values()]
      .sort((a, b) => a.id - b.id)
      .map(
        (user) =>
          ({
            ...toWireUser(user),
            assistant_detail_tour_completed: user.assistant_detail_tour_completed,
            password: user.password,
          }) as Snapshot['users'][number],
      ),
    api_keys: [...state.keys.values()]
      .sort((a, b) => a.id - b.id)
      .map((key) => ({ ...toWire(key, true), key_value: key.key_value })),
    revoked_token_ids: [...state.revokedTokenIds],
  }
  // Every field where the starting snapshot has it: the fake writes them in one fixed order.
  return Object.fromEntries(
    Object.entries(state.untouched).map(([field, value]) => [
      field,
      field in touched ? touched[field] : structuredClone(value),
    ]),
  ) as Snapshot
}

/** A user as the API sends it: the fields the web app reads, in that order, never the password. */
export function toWireUser(
  user: ModelUser,
): Omit<ModelUser, 'password' | 'assistant_detail_tour_completed'> {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    membership_status: user.membership_status,
    created_at: user.created_at,
    updated_at: user.updated_at,
  }
}

// ---------------------------------------------------------------------------------------------
// Wire format

/** A key in the documented field order; the secret only when `reveal` (the create response). */
export function toWire(
  key: ModelKey,
  reveal: boolean,
): Omit<ModelKey, 'key_value'> & { key_value: string | null } {
  return {
    id: key.id,
    key_type: key.key_type,
    name: key.name,
    key_value: reveal ? key.key_value : null,
    allowed_origins: [...key.allowed_origins],
    allowed_assistants: [...key.allowed_assistants],
    transient_assistant: key.transient_assistant,
    user_id: key.user_id,
    user_email: key.user_email,
    created_at: key.created_at,
    updated_at: key.updated_at,
  }
}

export function errorBody(code: ErrorCode, errors: readonly string[]): unknown {
  const message =
    code === 'validation_failed'
      ? `${ERROR_STATUS[code].message}: ${errors.join(', ')}`
      : ERROR_STATUS[code].message
  return { status: { code: ERROR_STATUS[code].status, message }, error: code, errors: [...errors] }
}

/** The one 404 body of a key that does not exist for the caller, whether missing or foreign. */
export const NOT_FOUND_BODY = errorBody('not_found', [ERROR_MESSAGES.apiKeyNotFound])

/** ISO 8601, `Z`, whole seconds: the API's timestamp format. */
export function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}

// ---------------------------------------------------------------------------------------------
// Rate limiting: a fixed window per caller, starting at the caller's first request.

export interface RateLimitModel {
  limit: number
  windowSeconds: number
  buckets: Map<string, { start: number; count: number }>
}

export interface RateHit {
  headers: Record<string, string>
  exceeded: boolean
  retryAfter: number
}

export function hitRateLimit(model: RateLimitModel, bucket: string, nowMs: number): RateHit {
  const windowMs = model.windowSeconds * 1000
  let entry = model.buckets.get(bucket)
  if (entry === undefined || nowMs >= entry.start + windowMs) {
    entry = { start: nowMs, count: 0 }
    model.buckets.set(bucket, entry)
  }
  entry.count++
  const end = entry.start + windowMs
  return {
    headers: {
      'x-ratelimit-limit': String(model.limit),
      'x-ratelimit-remaining': String(Math.max(0, model.limit - entry.count)),
      'x-ratelimit-reset': String(Math.ceil(end / 1000)),
    },
    exceeded: entry.count > model.limit,
    retryAfter: Math.max(1, Math.ceil((end - nowMs) / 1000)),
  }
}

// ---------------------------------------------------------------------------------------------
// Credentials

/** A JWT the test issued through `store.issueToken`; tokens outlive snapshots and resets. */
export interface ModelToken {
  token: string
  userId: number
  /** Expiry, Unix seconds: valid while `exp > now`. */
  exp: number
  /** The token's `jti`: what signing out with it revokes. */
  tokenId: string
}

/** How one credential is sent. Two credentials on the same header are sent as two headers. */
export type Credential =
  | { kind: 'key'; secret: string; header: 'x-api-key' | 'bearer' }
  | {
      kind: 'jwt'
      token: ModelToken
      tampered: string | undefined
      header: 'authorization' | 'x-api-key'
    }
  | { kind: 'unknown-key'; secret: string; header: 'x-api-key' | 'bearer' }
  | { kind: 'malformed'; header: 'x-api-key' | 'authorization'; value: string }

/** Spellings of the scheme that must all work: it is case-insensitive and may be followed by several spaces. */
export const BEARER_SPELLINGS = ['Bearer ', 'bearer ', 'BEARER ', 'Bearer   '] as const

export interface Principal {
  userId: number
  keyType: 'private' | 'public' | 'jwt'
  /** The `jti` of the JWT among the credentials, if one authenticated. */
  tokenId?: string
}

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string }

/** The header name and value a credential is sent as. */
export function credentialHeader(credential: Credential, spelling: string): [string, string] {
  switch (credential.kind) {
    case 'key':
    case 'unknown-key':
      return credential.header === 'x-api-key'
        ? ['X-API-Key', credential.secret]
        : ['Authorization', `${spelling}${credential.secret}`]
    case 'jwt': {
      const token = credential.tampered ?? credential.token.token
      return credential.header === 'x-api-key'
        ? ['X-API-Key', token]
        : ['Authorization', `${spelling}${token}`]
    }
    case 'malformed':
      return [credential.header === 'x-api-key' ? 'X-API-Key' : 'Authorization', credential.value]
  }
}

function headerOf(credential: Credential): 'x-api-key' | 'authorization' {
  if (credential.kind === 'malformed') return credential.header
  if (credential.kind === 'jwt') return credential.header
  return credential.header === 'x-api-key' ? 'x-api-key' : 'authorization'
}

function checkOne(state: ModelState, credential: Credential, nowSeconds: number): AuthResult {
  switch (credential.kind) {
    case 'malformed':
      return {
        ok: false,
        reason:
          credential.header === 'authorization'
            ? ERROR_MESSAGES.malformedAuthorization
            : ERROR_MESSAGES.invalidApiKey,
      }
    case 'unknown-key':
      return { ok: false, reason: ERROR_MESSAGES.invalidApiKey }
    case 'key': {
      const key = [...state.keys.values()].find(
        (candidate) => candidate.key_value === credential.secret,
      )
      return key === undefined
        ? { ok: false, reason: ERROR_MESSAGES.invalidApiKey }
        : { ok: true, principal: { userId: key.user_id, keyType: key.key_type } }
    }
    case 'jwt': {
      // A JWT in X-API-Key is just an unknown API key.
      if (credential.header === 'x-api-key')
        return { ok: false, reason: ERROR_MESSAGES.invalidApiKey }
      if (credential.tampered !== undefined && credential.tampered !== credential.token.token)
        return { ok: false, reason: ERROR_MESSAGES.invalidToken }
      // A token is checked as a JWT library would: signature, then expiry, then its user.
      if (credential.token.exp <= nowSeconds)
        return { ok: false, reason: ERROR_MESSAGES.expiredToken }
      if (state.revokedTokenIds.includes(credential.token.tokenId))
        return { ok: false, reason: ERROR_MESSAGES.revokedToken }
      if (!state.users.has(credential.token.userId))
        return { ok: false, reason: ERROR_MESSAGES.invalidToken }
      return {
        ok: true,
        principal: {
          userId: credential.token.userId,
          keyType: 'jwt',
          tokenId: credential.token.tokenId,
        },
      }
    }
  }
}

/**
 * Who is calling: X-API-Key is checked first, then Authorization. A header sent once with an
 * empty value counts as not sent. Every credential must be valid and all must name the same
 * user; a header sent twice is malformed.
 */
export function authenticate(
  state: ModelState,
  credentials: readonly Credential[],
  nowSeconds: number,
): AuthResult {
  let acting: Principal | undefined
  for (const header of ['x-api-key', 'authorization'] as const) {
    const sent = credentials.filter((credential) => headerOf(credential) === header)
    const blank = sent.length === 1 && sent[0]?.kind === 'malformed' && sent[0].value.trim() === ''
    if (sent.length === 0 || blank) continue
    const result: AuthResult =
      sent.length > 1
        ? {
            ok: false,
            reason:
              header === 'authorization'
                ? ERROR_MESSAGES.malformedAuthorization
                : ERROR_MESSAGES.invalidApiKey,
          }
        : checkOne(state, sent[0] as Credential, nowSeconds)
    if (!result.ok) return result
    if (acting !== undefined && acting.userId !== result.principal.userId)
      return { ok: false, reason: ERROR_MESSAGES.conflictingCredentials }
    if (acting === undefined) acting = result.principal
    else if (result.principal.tokenId !== undefined)
      acting = { ...acting, tokenId: result.principal.tokenId }
  }
  return acting === undefined
    ? { ok: false, reason: ERROR_MESSAGES.missingCredentials }
    : { ok: true, principal: acting }
}

// ---------------------------------------------------------------------------------------------
// Bodies

/** How a request body is sent. */
export type BodyEncoding = 'json' | 'json-no-content-type' | 'text-plain' | 'truncated-json'

/** How the fields are wrapped. */
export type Wrapper = 'api_key' | 'bare' | 'null' | 'string' | 'array' | 'top-level-array'

export interface BodySpec {
  encoding: BodyEncoding
  wrapper: Wrapper
  /** The fields inside the wrapper; `undefined` values are left out by JSON. */
  fields: Record<string, unknown>
}

export function bodyValue(spec: BodySpec): unknown {
  switch (spec.wrapper) {
    case 'api_key':
      return { api_key: spec.fields }
    case 'bare':
      return spec.fields
    case 'null':
      return { api_key: null }
    case 'string':
      return { api_key: 'name' }
    case 'array':
      return { api_key: [spec.fields] }
    case 'top-level-array':
      return [{ api_key: spec.fields }]
  }
}

export function bodyText(spec: BodySpec): string {
  const text = JSON.stringify(bodyValue(spec))
  return spec.encoding === 'truncated-json' ? text.slice(0, -1) : text
}

type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; errors: string[] }

/** Reads `{"api_key": {...}}` as the API does: 422 for a non-JSON type, 400 for bad JSON, 422 for a missing wrapper. */
function readWrapper(spec: BodySpec): Outcome<Record<string, unknown>> {
  if (spec.encoding === 'text-plain') {
    return {
      ok: false,
      code: 'validation_failed',
      errors: [
        ERROR_MESSAGES.missingWrapper('api_key'),
        ERROR_MESSAGES.notJsonContentType('text/plain'),
      ],
    }
  }
  const text = bodyText(spec)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      code: 'invalid_json',
      errors: [ERROR_MESSAGES.invalidJson((error as Error).message)],
    }
  }
  const wrapper =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)['api_key']
      : undefined
  const blank =
    wrapper === undefined ||
    wrapper === null ||
    wrapper === '' ||
    (Array.isArray(wrapper) && wrapper.length === 0) ||
    (typeof wrapper === 'object' && wrapper !== null && Object.keys(wrapper).length === 0)
  if (blank)
    return {
      ok: false,
      code: 'validation_failed',
      errors: [ERROR_MESSAGES.missingWrapper('api_key')],
    }
  if (typeof wrapper !== 'object' || Array.isArray(wrapper))
    return {
      ok: false,
      code: 'validation_failed',
      errors: [ERROR_MESSAGES.wrapperNotObject('api_key')],
    }
  return { ok: true, value: wrapper as Record<string, unknown> }
}

// Strong parameters and ActiveRecord's column casts: the model's own reading of the rules in the
// fidelity table (docs/fidelity.md) (the fake's is src/strong-params.ts). `undefined` means the field is
// absent: never sent, or dropped as an unpermitted shape.

type Scalar = string | number | boolean | null

function isScalar(value: unknown): value is Scalar {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
}

/** `permit(:field)` into a string column: numbers as their digits, booleans as `t`/`f`. */
function castString(value: unknown): string | null | undefined {
  if (!isScalar(value)) return undefined
  if (typeof value === 'boolean') return value ? 't' : 'f'
  return typeof value === 'number' ? String(value) : value
}

/** `permit(field: [])` into a string array column: nulls munged away; any non-scalar drops it all. */
function castList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const entries = value.filter((entry) => entry !== null)
  return entries.every(isScalar) ? entries.map((entry) => castString(entry) as string) : undefined
}

/** `ActiveModel::Type::Boolean`: its false values are false, `""` and null absent, the rest true. */
function castFlag(value: unknown): boolean | undefined {
  if (!isScalar(value) || value === null || value === '') return undefined
  return ![false, 0, '0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF'].includes(value)
}

const isBlank = (name: string | null | undefined): boolean =>
  name === undefined || name === null || name.trim() === ''

export interface CreateFields {
  name: string
  key_type: 'private' | 'public'
  allowed_origins: string[]
  allowed_assistants: string[]
  transient_assistant: boolean
}

/** Reads create fields: permitted and cast, then validated; every problem, in field order. */
export function readCreateBody(spec: BodySpec): Outcome<CreateFields> {
  const wrapper = readWrapper(spec)
  if (!wrapper.ok) return wrapper
  const f = wrapper.value
  const name = castString(f['name'])
  const keyType = castString(f['key_type'])
  const problems = [
    ...(isBlank(name) ? ["Name can't be blank"] : []),
    ...(keyType === 'private' || keyType === 'public'
      ? []
      : [
          keyType === undefined || keyType === null
            ? "Key type can't be blank"
            : "Key type must be 'private' or 'public'",
        ]),
  ]
  if (problems.length > 0) return { ok: false, code: 'validation_failed', errors: problems }
  return {
    ok: true,
    value: {
      name: name as string,
      key_type: keyType as 'private' | 'public',
      allowed_origins: castList(f['allowed_origins']) ?? [],
      allowed_assistants: castList(f['allowed_assistants']) ?? [],
      transient_assistant: castFlag(f['transient_assistant']) ?? false,
    },
  }
}

export interface UpdateFields {
  name?: string
  allowed_origins?: string[]
  allowed_assistants?: string[]
}

/** Reads update fields: only `name` and the two lists are permitted; anything else is ignored. */
export function readUpdateBody(spec: BodySpec): Outcome<UpdateFields> {
  const wrapper = readWrapper(spec)
  if (!wrapper.ok) return wrapper
  const f = wrapper.value
  const name = castString(f['name'])
  if (name !== undefined && isBlank(name))
    return { ok: false, code: 'validation_failed', errors: ["Name can't be blank"] }
  const fields: UpdateFields = {}
  if (name !== undefined && name !== null) fields.name = name
  const origins = castList(f['allowed_origins'])
  if (origins !== undefined) fields.allowed_origins = origins
  const assistants = castList(f['allowed_assistants'])
  if (assistants !== undefined) fields.allowed_assistants = assistants
  return { ok: true, value: fields }
}

// ---------------------------------------------------------------------------------------------
// Endpoints

/**
 * The id segment of a path as Rails' router reads it: the segment ends at its first literal dot
 * and what follows is a format (`1.5` is the id `1`); a segment with an empty format or a second
 * dot fits no route (`undefined`). The id is then percent-decoded.
 */
export function routeIdSegment(segment: string): string | undefined {
  const dot = segment.indexOf('.')
  if (dot === -1) return decodeURIComponent(segment)
  const format = segment.slice(dot + 1)
  if (format === '' || format.includes('.')) return undefined
  return decodeURIComponent(segment.slice(0, dot))
}

/** An id as ActiveRecord casts it: its leading ASCII digits, a positive safe integer; else none. */
export function parsePathId(raw: string): number | undefined {
  const digits = /^[0-9]+/.exec(raw)?.[0]
  if (digits === undefined) return undefined
  const id = Number(digits)
  return id > 0 && Number.isSafeInteger(id) ? id : undefined
}

export type Endpoint =
  | 'listApiKeys'
  | 'createApiKey'
  | 'getApiKey'
  | 'updateApiKey'
  | 'deleteApiKey'
  | 'signIn'
  | 'signOut'
  | 'getCurrentUser'
  | 'unknownRoute'

/** The endpoints that read no credential at all (sign in: the web app sends its stale token). */
const ANONYMOUS_ENDPOINTS = new Set<Endpoint>(['signIn'])
/** The endpoints that answer without a credential (and read one when sent). */
const OPEN_ENDPOINTS = new Set<Endpoint>(['signIn', 'signOut', 'unknownRoute'])

export interface ModelRequest {
  endpoint: Endpoint
  method: string
  /** The whole path as the URL spells it, e.g. `/api/v1/api_keys/5`. */
  pathname: string
  /** The path id as the router reads it (format split off, decoded), for the `:id` endpoints. */
  rawId?: string
  credentials: Credential[]
  body?: BodySpec
  /** The email and password of a sign-in (`{"user": {...}}`). */
  signIn?: { email: string; password: string }
}

export interface Expectation {
  status: number
  body: unknown
  headers: Record<string, string>
  /** The secret the fake must make up for a created key (the model cannot know it in advance). */
  creates?: { fields: CreateFields; userId: number }
  /** A sign-in that succeeds as this user: the fake makes up the token. */
  signsIn?: { userId: number }
}

export type PublicKeyAccess = 'forbidden' | 'read-only' | 'full-access'

export interface ModelOptions {
  publicKeyAccess: PublicKeyAccess
  rateLimit: RateLimitModel | undefined
}

const WRITE_ENDPOINTS = new Set<Endpoint>(['createApiKey', 'updateApiKey', 'deleteApiKey'])

function ok(message: string, data?: unknown): unknown {
  return data === undefined
    ? { status: { code: 200, message } }
    : { status: { code: 200, message }, data }
}

/**
 * Predicts the answer to a request and applies its effect to `state`, except for creates: their
 * secret is made up by the fake, so `commitCreate` finishes them once the response is in.
 */
export function expect(
  state: ModelState,
  options: ModelOptions,
  request: ModelRequest,
  nowMs: number,
): Expectation {
  const nowSeconds = Math.floor(nowMs / 1000)
  const auth: AuthResult = ANONYMOUS_ENDPOINTS.has(request.endpoint)
    ? { ok: false, reason: ERROR_MESSAGES.missingCredentials }
    : authenticate(state, request.credentials, nowSeconds)
  const principal = auth.ok ? auth.principal : undefined
  const rate =
    options.rateLimit === undefined
      ? undefined
      : hitRateLimit(
          options.rateLimit,
          principal === undefined ? 'anonymous' : `user:${principal.userId}`,
          nowMs,
        )
  const headers = { 'content-type': 'application/json; charset=utf-8', ...(rate?.headers ?? {}) }
  const fail = (
    code: ErrorCode,
    errors: readonly string[],
    extra: Record<string, string> = {},
  ): Expectation => ({
    status: ERROR_STATUS[code].status,
    body: errorBody(code, errors),
    headers: { ...headers, ...extra },
  })

  if (!OPEN_ENDPOINTS.has(request.endpoint) && !auth.ok) return fail('unauthorized', [auth.reason])
  if (rate?.exceeded === true) {
    const { limit, windowSeconds } = options.rateLimit as RateLimitModel
    return fail(
      'rate_limited',
      [ERROR_MESSAGES.rateLimited(limit, windowSeconds, rate.retryAfter)],
      { 'retry-after': String(rate.retryAfter) },
    )
  }
  if (request.endpoint === 'unknownRoute')
    return fail('route_not_found', [ERROR_MESSAGES.routeNotFound(request.method, request.pathname)])
  if (request.endpoint === 'signIn') {
    // Devise: the first user with this email (case-insensitive, spaces around ignored), then the password.
    const { email, password } = request.signIn as { email: string; password: string }
    const user = [...state.users.values()]
      .sort((a, b) => a.id - b.id)
      .find((candidate) => candidate.email.trim().toLowerCase() === email.trim().toLowerCase())
    if (user === undefined || user.password !== password)
      return fail('invalid_credentials', [ERROR_MESSAGES.invalidCredentials])
    return { status: 200, body: undefined, headers, signsIn: { userId: user.id } }
  }
  if (request.endpoint === 'signOut') {
    // Always 200; a JWT that authenticated is revoked.
    const tokenId = principal?.tokenId
    if (tokenId !== undefined && !state.revokedTokenIds.includes(tokenId))
      state.revokedTokenIds.push(tokenId)
    return { status: 200, body: ok(SUCCESS_MESSAGES.signedOut), headers }
  }

  const caller = principal as Principal
  if (request.endpoint === 'getCurrentUser') {
    // Any credential, public keys included: the caller reads only themselves.
    const user = state.users.get(caller.userId) as ModelUser
    const shown = {
      ...toWireUser(user),
      assistant_detail_tour_completed: user.assistant_detail_tour_completed,
    }
    return { status: 200, body: ok(SUCCESS_MESSAGES.read, shown), headers }
  }
  if (caller.keyType === 'public' && options.publicKeyAccess !== 'full-access') {
    if (options.publicKeyAccess === 'forbidden')
      return fail('forbidden', [ERROR_MESSAGES.publicKeyForbidden])
    if (WRITE_ENDPOINTS.has(request.endpoint))
      return fail('forbidden', [ERROR_MESSAGES.publicKeyReadOnly])
  }

  const owned = (): ModelKey | undefined => {
    const id = parsePathId(request.rawId ?? '')
    const key = id === undefined ? undefined : state.keys.get(id)
    return key !== undefined && key.user_id === caller.userId ? key : undefined
  }
  const notFound = (): Expectation => ({ status: 404, body: NOT_FOUND_BODY, headers })

  switch (request.endpoint) {
    case 'listApiKeys': {
      const keys = [...state.keys.values()]
        .filter((key) => key.user_id === caller.userId)
        .sort((a, b) => a.id - b.id)
      return {
        status: 200,
        body: ok(
          SUCCESS_MESSAGES.read,
          keys.map((key) => toWire(key, false)),
        ),
        headers,
      }
    }
    case 'getApiKey': {
      const key = owned()
      return key === undefined
        ? notFound()
        : { status: 200, body: ok(SUCCESS_MESSAGES.read, toWire(key, false)), headers }
    }
    case 'deleteApiKey': {
      const key = owned()
      if (key === undefined) return notFound()
      state.keys.delete(key.id)
      state.revoked.set(key.key_value, key.id)
      return { status: 200, body: ok(SUCCESS_MESSAGES.deleted), headers }
    }
    case 'updateApiKey': {
      const key = owned()
      if (key === undefined) return notFound()
      const fields = readUpdateBody(request.body as BodySpec)
      if (!fields.ok) return fail(fields.code, fields.errors)
      const same = (a: readonly string[], b: readonly string[]) =>
        a.length === b.length && a.every((item, i) => item === b[i])
      const { name, allowed_origins: origins, allowed_assistants: assistants } = fields.value
      const changed =
        (name !== undefined && name !== key.name) ||
        (origins !== undefined && !same(origins, key.allowed_origins)) ||
        (assistants !== undefined && !same(assistants, key.allowed_assistants))
      if (changed) {
        if (name !== undefined) key.name = name
        if (origins !== undefined) key.allowed_origins = [...origins]
        if (assistants !== undefined) key.allowed_assistants = [...assistants]
        // updated_at moves with the clock but never back, even when the clock does.
        const time = stamp(nowMs)
        if (time > key.updated_at) key.updated_at = time
      }
      return { status: 200, body: ok(SUCCESS_MESSAGES.updated, toWire(key, false)), headers }
    }
    case 'createApiKey': {
      const fields = readCreateBody(request.body as BodySpec)
      if (!fields.ok) return fail(fields.code, fields.errors)
      return {
        status: 201,
        body: undefined,
        headers,
        creates: { fields: fields.value, userId: caller.userId },
      }
    }
  }
}

/** The expected body of a sign-in, once the fake has made up its token. */
export function signedInBody(state: ModelState, userId: number, token: string): unknown {
  const user = state.users.get(userId) as ModelUser
  return {
    status: { code: 200, message: SUCCESS_MESSAGES.signedIn },
    data: toWireUser(user),
    token,
  }
}

/** Adds a key the fake created with the secret it made up; returns the expected 201 body. */
export function commitCreate(
  state: ModelState,
  creates: NonNullable<Expectation['creates']>,
  secret: string,
  nowMs: number,
): unknown {
  const user = state.users.get(creates.userId) as ModelUser
  const time = stamp(nowMs)
  const key: ModelKey = {
    id: state.nextKeyId++,
    key_type: creates.fields.key_type,
    name: creates.fields.name,
    key_value: secret,
    allowed_origins: [...creates.fields.allowed_origins],
    allowed_assistants: [...creates.fields.allowed_assistants],
    transient_assistant: creates.fields.transient_assistant,
    user_id: user.id,
    user_email: user.email,
    created_at: time,
    updated_at: time,
  }
  state.keys.set(key.id, key)
  state.issuedIds.add(key.id)
  return { status: { code: 201, message: SUCCESS_MESSAGES.created }, data: toWire(key, true) }
}

/** `store.createUser`: a new user and a private key named "Default API Key". */
export function commitUser(
  state: ModelState,
  email: string,
  secret: string,
  nowMs: number,
): { id: number; keyId: number } {
  const time = stamp(nowMs)
  // Every user made with createUser: the password `password`, role enterprise, membership active.
  const user: ModelUser = {
    id: state.nextUserId++,
    email,
    role: 'enterprise',
    membership_status: 'active',
    created_at: time,
    updated_at: time,
    assistant_detail_tour_completed: false,
    password: 'password',
  }
  state.users.set(user.id, user)
  const key: ModelKey = {
    id: state.nextKeyId++,
    key_type: 'private',
    name: 'Default API Key',
    key_value: secret,
    allowed_origins: [],
    allowed_assistants: [],
    transient_assistant: false,
    user_id: user.id,
    user_email: email,
    created_at: time,
    updated_at: time,
  }
  state.keys.set(key.id, key)
  state.issuedIds.add(key.id)
  return { id: user.id, keyId: key.id }
}

/** Secrets the fake makes up: `sk_live_`/`pk_live_` and 24 letters and digits. */
export const SECRET_FORMAT = {
  private: /^sk_live_[A-Za-z0-9]{24}$/,
  public: /^pk_live_[A-Za-z0-9]{24}$/,
} as const
