/**
 * The hostile-input corpus: requests a careless or malicious client could send, each with the
 * answer the API owes it. Built as a cross product (ids × id endpoints, credentials × endpoints,
 * bodies × body endpoints) plus routes, so every endpoint meets every kind of input: the API-key
 * endpoints, the agents, sign-in, sign-up, sign-out and the current user.
 *
 * Values that depend on the store (secrets, tokens, ids) are functions of a `HostileContext`
 * that the test builds once; everything else is a literal.
 */
import { ERROR_MESSAGES } from 'voiceable-mock'
import { MAX_BODY_BYTES } from '../support/documented.js'
import { campaignForm, MULTIPART_TYPE, multipartBody } from '../support/multipart.js'

export interface HostileContext {
  /** The documented private key of user 1 (`your-api-key-here`). */
  key: string
  /** A public key of user 1. */
  publicKey: string
  /** A deleted key of user 1. */
  revokedKey: string
  /** A private key of user 2. */
  otherUserKey: string
  /** A key id owned by user 2: foreign to user 1. */
  foreignKeyId: number
  /** An agent id owned by user 2: foreign to user 1. */
  foreignAgentId: string
  /** A phone number, a conversation and a campaign of another user than 1: foreign to user 1. */
  foreignPhoneNumberId: number
  foreignConversationId: string
  foreignCampaignId: number
  /** Valid JWT of user 1. */
  jwt: string
  /** JWT of user 1 that has expired. */
  expiredJwt: string
  /** JWTs signed with the store's own secret but wrong inside. */
  jwtUnknownUser: string
  jwtSubNumber: string
  jwtAlgNone: string
  jwtAlgHs512: string
}

type Value<T = string> = T | ((context: HostileContext) => T)

export interface HostileCase {
  name: string
  method: string
  /** Path below the base URL, as the client writes it (the URL parser may normalize it). */
  path: Value
  headers: [string, Value][]
  body?: Value<string | Uint8Array>
  expect: {
    status: number
    /** The envelope's `error` code; absent for a success. */
    error?: string
    /** The envelope's `errors`, exactly; `'route'` for the unknown-route sentence of this request. */
    errors?: Value<string[]> | 'route'
  }
  /** A success that changes nothing in the store (e.g. an update whose fields are all ignored). */
  unchanged?: true
}

export function resolve<T>(value: Value<T>, context: HostileContext): T {
  return typeof value === 'function' ? (value as (context: HostileContext) => T)(context) : value
}

const JSON_TYPE: [string, string] = ['Content-Type', 'application/json']
const asUser1: [string, Value] = ['X-API-Key', (c) => c.key]
const VALID_CREATE = JSON.stringify({ api_key: { name: 'Hostile', key_type: 'private' } })
const VALID_UPDATE = JSON.stringify({ api_key: { name: 'Hostile rename' } })
const NOT_FOUND = { status: 404, error: 'not_found', errors: [ERROR_MESSAGES.apiKeyNotFound] }
const AGENT_NOT_FOUND = {
  status: 404,
  error: 'agent_not_found',
  errors: [ERROR_MESSAGES.agentNotFound],
}
const VALID_AGENT_UPDATE = JSON.stringify({ agent: { name: 'Hostile rename' } })
const SIGN_IN = JSON.stringify({ user: { email: 'user@example.com', password: 'password' } })
const INVALID_CREDENTIALS = {
  status: 401,
  error: 'invalid_credentials',
  errors: [ERROR_MESSAGES.invalidCredentials],
}
const unauthorized = (reason: string) => ({ status: 401, error: 'unauthorized', errors: [reason] })
const invalid = (...errors: string[]) => ({ status: 422, error: 'validation_failed', errors })
const badJson = { status: 400, error: 'invalid_json' }
const tooDeep = {
  status: 400,
  error: 'invalid_json',
  errors: [ERROR_MESSAGES.invalidJson('nesting of 101 is too deep')],
}
const tooLarge = {
  status: 413,
  error: 'payload_too_large',
  errors: [ERROR_MESSAGES.payloadTooLarge(MAX_BODY_BYTES)],
}

// ---------------------------------------------------------------------------------------------
// Ids, as ActiveRecord casts them: the leading ASCII digits name the key (`01`, `1e3`), and the
// router takes what follows a literal dot as a format (`1.5`, `1.json`). An id that casts to no
// key answers exactly like a missing key (after authentication); a segment no route can hold is
// the API's routing 404.

/** Ids that name no key: each answers the missing-key 404 on every id route. */
const NO_KEY_IDS: [string, string][] = [
  ['zero', '0'],
  ['negative', '-1'],
  ['hex', '0x1'],
  ['plus sign', '+1'],
  ['huge', '99999999999999999999'],
  ['16 digits beyond the safe integers', '9999999999999999'],
  ['2^53 + 1', '9007199254740993'],
  ['fullwidth digit', '%EF%BC%91'],
  ['Arabic-Indic digit', '%D9%A1'],
  ['superscript one', '%C2%B9'],
  ['NUL', '%00'],
  ['encoded space', '%20'],
  ['encoded space before a valid id', '%201'],
  ['letters', 'abc'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['null', 'null'],
  ['bracketed', '%5B1%5D'],
  ['route placeholder', ':id'],
  ['percent', '%25'],
  ['very long', '1'.repeat(5000)],
  ['empty, before a format', '.json'],
  ['letters with a format', 'abc.json'],
]

/** Ids a router cannot hold (a dot where a format cannot be): the API's routing 404. */
const ROUTELESS_IDS: [string, string][] = [
  ['encoded slash traversal', '..%2F1'],
  ['encoded double traversal', '..%2F..%2Fusers'],
  ['encoded backslash', '..%5C1'],
  ['two formats', '1.5.json'],
  ['an empty format', '1.'],
]

/** Spellings that cast to the id they decorate: `1` → key 1, the foreign id → the foreign key. */
const CAST_IDS: [string, (id: number) => string][] = [
  ['decimal', (id) => `${id}.5`],
  ['exponent', (id) => `${id}e3`],
  ['leading zero', (id) => `0${id}`],
  ['trailing letters', (id) => `${id}abc`],
  ['NUL after the id', (id) => `${id}%00`],
  ['trailing encoded space', (id) => `${id}%20`],
  ['list of ids', (id) => `${id},2`],
  ['SQL', (id) => `${id}'%20OR%20'1'='1`],
  ['semicolon parameter', (id) => `${id};x=1`],
  // `%3` + `12` is `%31` `2`: the first digit percent-encoded.
  ['first digit encoded', (id) => `%3${id}`],
  ['JSON format', (id) => `${id}.json`],
  ['XML format', (id) => `${id}.xml`],
]

/** An update that changes nothing on key 1: its documented name, sent again. */
const SAME_NAME = JSON.stringify({ api_key: { name: 'Production API Key' } })

function idCases(): HostileCase[] {
  const cases: HostileCase[] = []
  const onEveryIdRoute = (label: string, id: string, expect: HostileCase['expect']) => {
    cases.push({
      name: `GET /api_keys/{${label}} is ${expect.status}`,
      method: 'GET',
      path: `/api_keys/${id}`,
      headers: [asUser1],
      expect,
    })
    for (const method of ['PUT', 'PATCH'])
      cases.push({
        name: `${method} /api_keys/{${label}} is ${expect.status}`,
        method,
        path: `/api_keys/${id}`,
        headers: [asUser1, JSON_TYPE],
        body: VALID_UPDATE,
        expect,
      })
    cases.push({
      name: `DELETE /api_keys/{${label}} is ${expect.status}`,
      method: 'DELETE',
      path: `/api_keys/${id}`,
      headers: [asUser1],
      expect,
    })
  }
  for (const [label, id] of NO_KEY_IDS) onEveryIdRoute(label, id, NOT_FOUND)
  for (const [label, id] of ROUTELESS_IDS)
    onEveryIdRoute(label, id, { status: 404, error: 'route_not_found', errors: 'route' })
  for (const [label, spell] of CAST_IDS) {
    // The caller's own key, read and updated (with nothing to change, so the store stays as it was).
    cases.push({
      name: `GET /api_keys/{${label}} reads key 1`,
      method: 'GET',
      path: `/api_keys/${spell(1)}`,
      headers: [asUser1],
      expect: { status: 200 },
    })
    cases.push({
      name: `PATCH /api_keys/{${label}} updates key 1`,
      method: 'PATCH',
      path: `/api_keys/${spell(1)}`,
      headers: [asUser1, JSON_TYPE],
      body: SAME_NAME,
      expect: { status: 200 },
      unchanged: true,
    })
    // Another user's key, however it is spelled, is still the same 404 as a missing one.
    for (const method of ['GET', 'PUT', 'DELETE'])
      cases.push({
        name: `${method} of a foreign key spelled as {${label}} is 404`,
        method,
        path: (c) => `/api_keys/${spell(c.foreignKeyId)}`,
        headers: method === 'PUT' ? [asUser1, JSON_TYPE] : [asUser1],
        ...(method === 'PUT' ? { body: VALID_UPDATE } : {}),
        expect: NOT_FOUND,
      })
  }
  // Another user's key, however it is reached, is the same 404 as a missing one.
  cases.push({
    name: 'GET of a foreign key is 404',
    method: 'GET',
    path: (c) => `/api_keys/${c.foreignKeyId}`,
    headers: [asUser1],
    expect: NOT_FOUND,
  })
  cases.push({
    name: 'PUT of a foreign key is 404',
    method: 'PUT',
    path: (c) => `/api_keys/${c.foreignKeyId}`,
    headers: [asUser1, JSON_TYPE],
    body: VALID_UPDATE,
    expect: NOT_FOUND,
  })
  cases.push({
    name: 'DELETE of a foreign key is 404',
    method: 'DELETE',
    path: (c) => `/api_keys/${c.foreignKeyId}`,
    headers: [asUser1],
    expect: NOT_FOUND,
  })
  cases.push({
    name: 'path traversal onto a foreign key is 404',
    method: 'GET',
    path: (c) => `/api_keys/1/../${c.foreignKeyId}`,
    headers: [asUser1],
    expect: NOT_FOUND,
  })
  cases.push({
    name: 'DELETE by traversal onto a foreign key is 404',
    method: 'DELETE',
    path: (c) => `/api_keys/1/../${c.foreignKeyId}`,
    headers: [asUser1],
    expect: NOT_FOUND,
  })
  cases.push({
    name: 'a foreign key id with a body that would be invalid is still 404 (404 before 422)',
    method: 'PUT',
    path: (c) => `/api_keys/${c.foreignKeyId}`,
    headers: [asUser1, JSON_TYPE],
    body: '{"api_key":{"name":5}}',
    expect: NOT_FOUND,
  })
  // Agents: the same ids name no agent, and a foreign agent is the same 404.
  for (const [label, id] of NO_KEY_IDS) {
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', VALID_AGENT_UPDATE],
      ['DELETE', undefined],
    ] as const) {
      cases.push({
        name: `${method} /agents/{${label}} is 404`,
        method,
        path: `/agents/${id}`,
        headers: body === undefined ? [asUser1] : [asUser1, JSON_TYPE],
        ...(body === undefined ? {} : { body }),
        expect: AGENT_NOT_FOUND,
      })
    }
  }
  for (const [method, body] of [
    ['GET', undefined],
    ['PUT', '{"agent":{"name":5}}'],
    ['DELETE', undefined],
  ] as const) {
    cases.push({
      name: `${method} of a foreign agent is 404`,
      method,
      path: (c) => `/agents/${c.foreignAgentId}`,
      headers: body === undefined ? [asUser1] : [asUser1, JSON_TYPE],
      ...(body === undefined ? {} : { body }),
      expect: AGENT_NOT_FOUND,
    })
  }
  return cases
}

// ---------------------------------------------------------------------------------------------
// Credentials: every header a client might get wrong, against every endpoint.

interface CredentialVariant {
  label: string
  headers: [string, Value][]
  /** What a read (list, get) answers; writes answer the same unless the variant authenticates. */
  expect: HostileCase['expect']
}

const LONG = 'a'.repeat(100_000)

const CREDENTIAL_VARIANTS: CredentialVariant[] = [
  { label: 'no credentials', headers: [], expect: unauthorized(ERROR_MESSAGES.missingCredentials) },
  // A header with no value, or only whitespace, counts as not sent.
  {
    label: 'empty X-API-Key',
    headers: [['X-API-Key', '']],
    expect: unauthorized(ERROR_MESSAGES.missingCredentials),
  },
  {
    label: 'whitespace X-API-Key',
    headers: [['X-API-Key', '   ']],
    expect: unauthorized(ERROR_MESSAGES.missingCredentials),
  },
  {
    label: 'empty Authorization',
    headers: [['Authorization', '']],
    expect: unauthorized(ERROR_MESSAGES.missingCredentials),
  },
  {
    label: 'whitespace Authorization',
    headers: [['Authorization', ' \t ']],
    expect: unauthorized(ERROR_MESSAGES.missingCredentials),
  },
  {
    label: 'both headers empty',
    headers: [
      ['X-API-Key', ''],
      ['Authorization', ''],
    ],
    expect: unauthorized(ERROR_MESSAGES.missingCredentials),
  },
  {
    label: 'an empty X-API-Key beside a revoked Bearer key',
    headers: [
      ['X-API-Key', ''],
      ['Authorization', (c) => `Bearer ${c.revokedKey}`],
    ],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'Bearer with no token',
    headers: [['Authorization', 'Bearer']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'Bearer and a space with no token',
    headers: [['Authorization', 'Bearer ']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'Bearer and a tab',
    headers: [['Authorization', (c) => `Bearer\t${c.key}`]],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'Basic scheme',
    headers: [['Authorization', 'Basic dXNlcjpwYXNzd29yZA==']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'Token scheme',
    headers: [['Authorization', (c) => `Token ${c.key}`]],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'key with no scheme in Authorization',
    headers: [['Authorization', (c) => c.key]],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'Bearer with two tokens',
    headers: [['Authorization', (c) => `Bearer ${c.key} ${c.key}`]],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'Bearer token with a trailing comma',
    headers: [['Authorization', (c) => `Bearer ${c.key},`]],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'two Authorization headers',
    headers: [
      ['Authorization', (c) => `Bearer ${c.key}`],
      ['Authorization', (c) => `Bearer ${c.key}`],
    ],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'two X-API-Key headers',
    headers: [
      ['X-API-Key', (c) => c.key],
      ['X-API-Key', (c) => c.key],
    ],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'very long X-API-Key',
    headers: [['X-API-Key', LONG]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'very long Bearer token',
    headers: [['Authorization', `Bearer ${LONG}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'non-ASCII X-API-Key',
    headers: [['X-API-Key', 'sk_live_cl\u00e9']],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'non-ASCII Bearer token',
    headers: [['Authorization', 'Bearer cl\u00e9\u00ff']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'no-break space after the key',
    headers: [['X-API-Key', (c) => `${c.key}\u00a0`]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'control character in the key',
    headers: [['X-API-Key', (c) => `${c.key}\u0001`]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'key in the wrong case',
    headers: [['X-API-Key', (c) => c.key.toUpperCase()]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'key with a character missing',
    headers: [['X-API-Key', (c) => c.key.slice(0, -1)]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'revoked key',
    headers: [['X-API-Key', (c) => c.revokedKey]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'revoked key as Bearer',
    headers: [['Authorization', (c) => `Bearer ${c.revokedKey}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'valid key beside a malformed Authorization',
    headers: [asUser1, ['Authorization', 'Bearer']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'valid key beside a revoked Bearer key',
    headers: [asUser1, ['Authorization', (c) => `Bearer ${c.revokedKey}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'keys of two different users',
    headers: [asUser1, ['Authorization', (c) => `Bearer ${c.otherUserKey}`]],
    expect: unauthorized(ERROR_MESSAGES.conflictingCredentials),
  },
  {
    label: 'key and JWT of two different users',
    headers: [
      ['X-API-Key', (c) => c.otherUserKey],
      ['Authorization', (c) => `Bearer ${c.jwt}`],
    ],
    expect: unauthorized(ERROR_MESSAGES.conflictingCredentials),
  },
  {
    label: 'JWT sent as X-API-Key',
    headers: [['X-API-Key', (c) => c.jwt]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'JWT-shaped garbage',
    headers: [['Authorization', 'Bearer aaa.bbb.ccc']],
    expect: unauthorized(ERROR_MESSAGES.invalidToken),
  },
  {
    label: 'expired JWT',
    headers: [['Authorization', (c) => `Bearer ${c.expiredJwt}`]],
    expect: unauthorized(ERROR_MESSAGES.expiredToken),
  },
  {
    label: 'JWT of a user that does not exist',
    headers: [['Authorization', (c) => `Bearer ${c.jwtUnknownUser}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidToken),
  },
  {
    label: 'JWT whose sub is a number',
    headers: [['Authorization', (c) => `Bearer ${c.jwtSubNumber}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidToken),
  },
  {
    label: 'JWT with alg none',
    headers: [['Authorization', (c) => `Bearer ${c.jwtAlgNone}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidToken),
  },
  {
    label: 'JWT claiming HS512',
    headers: [['Authorization', (c) => `Bearer ${c.jwtAlgHs512}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidToken),
  },
  {
    label: 'JWT with its payload swapped for another user',
    headers: [['Authorization', (c) => swapPayload(c.jwt, { sub: '2' })]],
    expect: unauthorized(ERROR_MESSAGES.invalidToken),
  },
  {
    label: 'JWT with its signature removed',
    headers: [['Authorization', (c) => `Bearer ${c.jwt.slice(0, c.jwt.lastIndexOf('.') + 1)}`]],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
]

/** Variants that authenticate: they prove the hostile-looking but legal spellings work. */
const ACCEPTED_VARIANTS: CredentialVariant[] = [
  {
    label: 'lower-case bearer',
    headers: [['Authorization', (c) => `bearer ${c.key}`]],
    expect: { status: 200 },
  },
  {
    label: 'upper-case BEARER',
    headers: [['Authorization', (c) => `BEARER ${c.key}`]],
    expect: { status: 200 },
  },
  {
    label: 'several spaces after Bearer',
    headers: [['Authorization', (c) => `Bearer    ${c.key}`]],
    expect: { status: 200 },
  },
  {
    label: 'whitespace around the key',
    headers: [['X-API-Key', (c) => `  ${c.key}\t`]],
    expect: { status: 200 },
  },
  {
    label: 'lower-case header name',
    headers: [['x-api-key', (c) => c.key]],
    expect: { status: 200 },
  },
  {
    label: 'key and JWT of the same user',
    headers: [asUser1, ['Authorization', (c) => `Bearer ${c.jwt}`]],
    expect: { status: 200 },
  },
  // An empty header beside a valid one is as if it were not sent.
  {
    label: 'an empty X-API-Key beside a valid Bearer JWT',
    headers: [
      ['X-API-Key', ''],
      ['Authorization', (c) => `Bearer ${c.jwt}`],
    ],
    expect: { status: 200 },
  },
  {
    label: 'a whitespace X-API-Key beside a valid Bearer key',
    headers: [
      ['X-API-Key', ' '],
      ['Authorization', (c) => `Bearer ${c.key}`],
    ],
    expect: { status: 200 },
  },
  {
    label: 'an empty Authorization beside a valid X-API-Key',
    headers: [asUser1, ['Authorization', '']],
    expect: { status: 200 },
  },
  {
    label: 'public key',
    headers: [['X-API-Key', (c) => c.publicKey]],
    expect: { status: 403, error: 'forbidden', errors: [ERROR_MESSAGES.publicKeyForbidden] },
  },
]

function swapPayload(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
  return `Bearer ${header}.${Buffer.from(JSON.stringify({ ...decoded, ...claims })).toString('base64url')}.${signature}`
}

interface CredentialEndpoint {
  label: string
  method: string
  path: string
  body?: string
  /** What any credential gets, valid or not: sign-in reads none, sign-out always answers 200. */
  always?: HostileCase['expect']
  /** What a public key gets, when not the default 403 (the current user answers any credential). */
  publicKey?: HostileCase['expect']
}

const ENDPOINTS: CredentialEndpoint[] = [
  { label: 'GET /api_keys', method: 'GET', path: '/api_keys' },
  { label: 'POST /api_keys', method: 'POST', path: '/api_keys', body: VALID_CREATE },
  { label: 'GET /api_keys/1', method: 'GET', path: '/api_keys/1' },
  { label: 'PUT /api_keys/1', method: 'PUT', path: '/api_keys/1', body: VALID_UPDATE },
  { label: 'DELETE /api_keys/1', method: 'DELETE', path: '/api_keys/1' },
  // Routed by Rails beside the documented five: HEAD as GET, PATCH as PUT.
  { label: 'HEAD /api_keys', method: 'HEAD', path: '/api_keys' },
  { label: 'PATCH /api_keys/1', method: 'PATCH', path: '/api_keys/1', body: VALID_UPDATE },
  { label: 'GET /agents', method: 'GET', path: '/agents' },
  // A create that would succeed is never in the corpus (the store must not change): no name.
  {
    label: 'POST /agents',
    method: 'POST',
    path: '/agents',
    body: '{"agent":{"tags":["x"]}}',
  },
  { label: 'GET /agents/123', method: 'GET', path: '/agents/123' },
  // Blank once cast, so the update is refused and the store stays as it was.
  { label: 'PUT /agents/123', method: 'PUT', path: '/agents/123', body: '{"agent":{"name":" "}}' },
  { label: 'GET /user/current', method: 'GET', path: '/user/current', publicKey: { status: 200 } },
  {
    label: 'POST /auth/sign_in',
    method: 'POST',
    path: '/auth/sign_in',
    body: SIGN_IN,
    always: { status: 200 },
  },
  {
    label: 'DELETE /auth/sign_out',
    method: 'DELETE',
    path: '/auth/sign_out',
    always: { status: 200 },
  },
]

function credentialCases(): HostileCase[] {
  const cases: HostileCase[] = []
  for (const endpoint of ENDPOINTS) {
    const bodyHeaders: [string, Value][] = endpoint.body === undefined ? [] : [JSON_TYPE]
    const read = endpoint.method === 'GET' || endpoint.method === 'HEAD'
    const variants = read ? [...CREDENTIAL_VARIANTS, ...ACCEPTED_VARIANTS] : CREDENTIAL_VARIANTS
    for (const variant of variants) {
      const expected =
        endpoint.always ??
        (variant.label === 'public key' ? (endpoint.publicKey ?? variant.expect) : variant.expect)
      cases.push({
        name: `${endpoint.label} with ${variant.label} is ${expected.status}`,
        method: endpoint.method,
        path: endpoint.path,
        headers: [...variant.headers, ...bodyHeaders],
        ...(endpoint.body === undefined ? {} : { body: endpoint.body }),
        expect: expected,
      })
    }
    // A public key may not write either, whatever the body.
    if (!read && endpoint.always === undefined) {
      cases.push({
        name: `${endpoint.label} with a public key is 403`,
        method: endpoint.method,
        path: endpoint.path,
        headers: [['X-API-Key', (c) => c.publicKey], ...bodyHeaders],
        ...(endpoint.body === undefined ? {} : { body: endpoint.body }),
        expect: { status: 403, error: 'forbidden', errors: [ERROR_MESSAGES.publicKeyForbidden] },
      })
    }
  }
  return cases
}

// ---------------------------------------------------------------------------------------------
// Bodies: every way a body can be wrong, on both endpoints that read one.

const wrap = (fields: unknown) => JSON.stringify({ api_key: fields })
const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

interface BodyVariant {
  label: string
  body: Value<string | Uint8Array>
  contentType?: string | null
  create: HostileCase['expect']
  /**
   * Update answer; `'unchanged'` when nothing changes (200); absent when no update body of the
   * kind could leave key 1 as it is (a long name would rename it).
   */
  update?: HostileCase['expect'] | 'unchanged'
  /** The update's body when it must differ (key 1's own values, so that nothing changes). */
  updateBody?: string
}

const missingWrapper = invalid(ERROR_MESSAGES.missingWrapper('api_key'))
const notObject = invalid(ERROR_MESSAGES.wrapperNotObject('api_key'))
const blankCreate = invalid("Name can't be blank", "Key type can't be blank")
const keyTypeOnly = invalid("Key type must be 'private' or 'public'")

const BODY_VARIANTS: BodyVariant[] = [
  // Not JSON
  { label: 'plain words', body: 'not json', create: badJson, update: badJson },
  { label: 'an unclosed object', body: '{', create: badJson, update: badJson },
  { label: 'a truncated body', body: VALID_CREATE.slice(0, 20), create: badJson, update: badJson },
  {
    label: 'a trailing comma',
    body: '{"api_key":{"name":"x","key_type":"private",}}',
    create: badJson,
    update: badJson,
  },
  { label: 'single quotes', body: "{'api_key':{'name':'x'}}", create: badJson, update: badJson },
  // RFC 8259 lets a parser ignore a UTF-8 byte-order mark; the fake does, and reads what follows.
  {
    label: 'a byte-order mark before the JSON',
    body: `\ufeff${wrap({ name: null })}`,
    create: invalid("Name can't be blank", "Key type can't be blank"),
    update: invalid("Name can't be blank"),
  },
  {
    label: 'invalid UTF-8',
    body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    create: badJson,
    update: badJson,
  },
  { label: 'NaN as a value', body: '{"api_key":{"name":NaN}}', create: badJson, update: badJson },
  {
    label: 'a comment',
    body: '{"api_key":{"name":"x"} /* hi */}',
    create: badJson,
    update: badJson,
  },
  // Blank
  { label: 'an empty body', body: '', create: missingWrapper, update: missingWrapper },
  { label: 'only whitespace', body: ' \n\t ', create: missingWrapper, update: missingWrapper },
  // Wrong content type: the body is not read at all, as Rails would not parse it.
  {
    label: 'JSON sent as text/plain',
    body: VALID_CREATE,
    contentType: 'text/plain',
    create: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('text/plain'),
    ),
    update: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('text/plain'),
    ),
  },
  {
    label: 'a form body',
    body: 'api_key[name]=x&api_key[key_type]=private',
    contentType: 'application/x-www-form-urlencoded',
    create: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('application/x-www-form-urlencoded'),
    ),
    update: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('application/x-www-form-urlencoded'),
    ),
  },
  {
    label: 'a look-alike JSON type',
    body: VALID_CREATE,
    contentType: 'application/jsonx',
    create: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('application/jsonx'),
    ),
    update: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('application/jsonx'),
    ),
  },
  {
    label: 'a bare "json" type',
    body: VALID_CREATE,
    contentType: 'json',
    create: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('json'),
    ),
    update: invalid(
      ERROR_MESSAGES.missingWrapper('api_key'),
      ERROR_MESSAGES.notJsonContentType('json'),
    ),
  },
  // Wrong shapes
  { label: 'an empty array', body: '[]', create: missingWrapper, update: missingWrapper },
  {
    label: 'the wrapper inside an array',
    body: `[${VALID_CREATE}]`,
    create: missingWrapper,
    update: missingWrapper,
  },
  { label: 'null', body: 'null', create: missingWrapper, update: missingWrapper },
  { label: 'a string', body: '"api_key"', create: missingWrapper, update: missingWrapper },
  { label: 'a number', body: '42', create: missingWrapper, update: missingWrapper },
  { label: 'true', body: 'true', create: missingWrapper, update: missingWrapper },
  {
    label: 'fields without the wrapper',
    body: JSON.stringify({ name: 'x', key_type: 'private' }),
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'a null wrapper',
    body: '{"api_key":null}',
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'an empty wrapper',
    body: '{"api_key":{}}',
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'an empty-array wrapper',
    body: '{"api_key":[]}',
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'an empty-string wrapper',
    body: '{"api_key":""}',
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'an array wrapper',
    body: '{"api_key":[{"name":"x","key_type":"private"}]}',
    create: notObject,
    update: notObject,
  },
  { label: 'a string wrapper', body: '{"api_key":"x"}', create: notObject, update: notObject },
  { label: 'a zero wrapper', body: '{"api_key":0}', create: notObject, update: notObject },
  { label: 'a false wrapper', body: '{"api_key":false}', create: notObject, update: notObject },
  // Wrong types, cast as ActiveRecord casts them or dropped as unpermitted shapes. A create whose
  // fields are all accepted is paired with an unknown key type (a 422 that names nothing else), so
  // the store stays as it was; an update sends key 1's own values back, or nothing it may change.
  {
    label: 'numbers where strings go',
    body: wrap({
      name: 5,
      key_type: 'admin',
      allowed_origins: [1, 2.5],
      allowed_assistants: [123],
    }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ allowed_assistants: [123] }),
  },
  {
    label: 'booleans where strings go',
    body: wrap({ name: true, key_type: 'admin', allowed_origins: [true, false] }),
    create: keyTypeOnly,
  },
  {
    label: 'a number key type',
    body: wrap({ name: 'x', key_type: 5 }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ key_type: 5 }),
  },
  {
    label: 'a null name',
    body: wrap({ name: null, key_type: 'private' }),
    create: invalid("Name can't be blank"),
    update: invalid("Name can't be blank"),
  },
  {
    label: 'a null key type',
    body: wrap({ name: 'x', key_type: null }),
    create: invalid("Key type can't be blank"),
    update: 'unchanged',
    updateBody: wrap({ key_type: null }),
  },
  {
    label: 'an object name',
    body: wrap({ name: { first: 'x' }, key_type: 'private' }),
    create: invalid("Name can't be blank"),
    update: 'unchanged',
  },
  {
    label: 'an array name',
    body: wrap({ name: ['x'], key_type: 'private' }),
    create: invalid("Name can't be blank"),
    update: 'unchanged',
  },
  {
    label: 'a blank Unicode name',
    body: wrap({ name: '\u3000\u00a0\u2003', key_type: 'private' }),
    create: invalid("Name can't be blank"),
    update: invalid("Name can't be blank"),
  },
  {
    label: 'an unknown key type',
    body: wrap({ name: 'x', key_type: 'admin' }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ key_type: 'admin' }),
  },
  {
    label: 'an upper-case key type',
    body: wrap({ name: 'x', key_type: 'PRIVATE' }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ key_type: 'PRIVATE' }),
  },
  {
    label: 'a string origins list',
    body: wrap({ name: 'x', key_type: 'admin', allowed_origins: 'https://example.com' }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ allowed_origins: 'https://example.com' }),
  },
  {
    label: 'null in the assistants',
    body: wrap({ name: 'x', key_type: 'admin', allowed_assistants: [null] }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ allowed_assistants: [null, '123', null] }),
  },
  {
    label: 'an array-like object as assistants',
    body: wrap({ name: 'x', key_type: 'admin', allowed_assistants: { 0: '123', length: 1 } }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ allowed_assistants: { 0: '123', length: 1 } }),
  },
  {
    label: 'an object inside the origins',
    body: wrap({ name: 'x', key_type: 'admin', allowed_origins: ['https://a.example', { b: 1 }] }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ allowed_origins: ['https://a.example', { b: 1 }] }),
  },
  {
    label: 'a list inside the assistants',
    body: wrap({ name: 'x', key_type: 'admin', allowed_assistants: [['123']] }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ allowed_assistants: [['123']] }),
  },
  {
    label: 'a "no" transient flag (true, as Rails casts it)',
    body: wrap({ name: 'x', key_type: 'admin', transient_assistant: 'no' }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ transient_assistant: 'no' }),
  },
  {
    label: 'an object transient flag',
    body: wrap({ name: 'x', key_type: 'admin', transient_assistant: { on: true } }),
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: wrap({ transient_assistant: { on: true } }),
  },
  {
    label: 'every field in a shape it cannot take',
    body: wrap({
      name: { a: 1 },
      key_type: ['private'],
      allowed_origins: 3,
      allowed_assistants: { a: '1' },
      transient_assistant: [true],
    }),
    create: blankCreate,
    update: 'unchanged',
  },
  // Huge: no cap but the body limit (Rails' string columns have none), so a create is paired
  // with an unknown key type and names nothing else.
  {
    label: 'a 10,000-character name',
    body: wrap({ name: 'n'.repeat(10_000), key_type: 'admin' }),
    create: keyTypeOnly,
  },
  {
    label: 'a 3,000-character origin',
    body: wrap({
      name: 'x',
      key_type: 'admin',
      allowed_origins: [`https://${'o'.repeat(3000)}.com`],
    }),
    create: keyTypeOnly,
  },
  {
    label: '100,000 assistants',
    body: wrap({
      name: 'x',
      key_type: 'admin',
      allowed_assistants: Array.from({ length: 100_000 }, () => '1'),
    }),
    create: keyTypeOnly,
  },
  {
    label: 'a body just over the limit',
    body: wrap({ name: 'x'.repeat(MAX_BODY_BYTES), key_type: 'private' }),
    create: tooLarge,
    update: tooLarge,
  },
  {
    label: 'a 5 MiB array',
    body: wrap({
      name: 'x',
      key_type: 'private',
      allowed_origins: Array.from({ length: (5 * 1024 * 1024) / 4 }, () => 'o'),
    }),
    create: tooLarge,
    update: tooLarge,
  },
  {
    label: 'multi-byte characters over the byte limit',
    body: wrap({ name: '\u00e9'.repeat(MAX_BODY_BYTES / 2 + 10), key_type: 'private' }),
    create: tooLarge,
    update: tooLarge,
  },
  // Deep nesting
  // Ruby's JSON parser refuses nesting past 100, which Rails answers as a malformed body.
  {
    label: 'a name nested 100,000 deep',
    body: `{"api_key":{"name":${deep(100_000)},"key_type":"private"}}`,
    create: tooDeep,
    update: tooDeep,
  },
  { label: 'a body nested 100,000 deep', body: deep(100_000), create: tooDeep, update: tooDeep },
  {
    label: 'a wrapper nested 10,000 deep',
    body: `{"api_key":${'{"api_key":'.repeat(10_000)}{}${'}'.repeat(10_000)}}`,
    create: tooDeep,
    update: tooDeep,
  },
  {
    label: 'a name nested 98 deep, within the limit',
    body: `{"api_key":{"name":${deep(98)},"key_type":"private"}}`,
    create: invalid("Name can't be blank"),
    update: 'unchanged',
  },
  { label: 'nesting past the byte limit', body: deep(600_000), create: tooLarge, update: tooLarge },
  // Duplicate keys: the last one wins, as in every mainstream JSON parser.
  {
    label: 'a duplicate name whose last value is null',
    body: '{"api_key":{"name":"good","name":null,"key_type":"private"}}',
    create: invalid("Name can't be blank"),
    update: invalid("Name can't be blank"),
  },
  {
    label: 'a duplicate wrapper whose last value is null',
    body: `{"api_key":{"name":"x","key_type":"private"},"api_key":null}`,
    create: missingWrapper,
    update: missingWrapper,
  },
  // Prototype pollution: these keys are plain data, never the prototype.
  {
    label: 'the wrapper under __proto__',
    body: '{"__proto__":{"api_key":{"name":"x","key_type":"private"}}}',
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'the fields under __proto__',
    body: '{"api_key":{"__proto__":{"name":"x","key_type":"private","polluted":"yes"}}}',
    create: blankCreate,
    update: 'unchanged',
  },
  {
    label: 'the wrapper under constructor.prototype',
    body: '{"constructor":{"prototype":{"api_key":{"name":"x","key_type":"private"}}}}',
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'fields under constructor.prototype',
    body: '{"api_key":{"constructor":{"prototype":{"name":"x","key_type":"private","polluted":"yes"}}}}',
    create: blankCreate,
    update: 'unchanged',
  },
  {
    label: 'a __proto__ name',
    body: '{"api_key":{"name":{"__proto__":{"polluted":"yes"}},"key_type":"private"}}',
    create: invalid("Name can't be blank"),
    update: 'unchanged',
  },
  {
    label: 'a __proto__ origins list',
    body: '{"api_key":{"name":"x","key_type":"admin","allowed_origins":{"__proto__":["a"]}}}',
    create: keyTypeOnly,
    update: 'unchanged',
    updateBody: '{"api_key":{"allowed_origins":{"__proto__":["a"]}}}',
  },
  {
    label: 'only ignored fields',
    body: wrap({
      id: 999,
      user_id: 2,
      key_value: 'sk_live_mine',
      created_at: '2000-01-01T00:00:00Z',
    }),
    create: blankCreate,
    update: 'unchanged',
  },
]

function bodyCases(): HostileCase[] {
  const cases: HostileCase[] = []
  for (const variant of BODY_VARIANTS) {
    const contentType = variant.contentType === undefined ? 'application/json' : variant.contentType
    const headers: [string, Value][] = [
      asUser1,
      ...(contentType === null ? [] : [['Content-Type', contentType] as [string, string]]),
    ]
    cases.push({
      name: `POST /api_keys with ${variant.label} is ${variant.create.status}`,
      method: 'POST',
      path: '/api_keys',
      headers,
      body: variant.body,
      expect: variant.create,
    })
    // A body whose fields are all ignored on update (key_type, transient_assistant, unknown
    // fields, unpermitted shapes) has nothing wrong with it: an update that changes nothing.
    if (variant.update === undefined) continue
    const updateExpect = variant.update === 'unchanged' ? { status: 200 } : variant.update
    cases.push({
      name: `PUT /api_keys/1 with ${variant.label} is ${updateExpect.status}`,
      method: 'PUT',
      path: '/api_keys/1',
      headers,
      body: variant.updateBody ?? variant.body,
      expect: updateExpect,
      ...(updateExpect.status === 200 ? { unchanged: true as const } : {}),
    })
  }
  return cases
}

// ---------------------------------------------------------------------------------------------
// Accounts and agents: bodies and queries a client might get wrong.

const signUpInvalid = (...errors: string[]) => invalid(...errors)
const LONG_EMAIL = `${'a'.repeat(100_000)}@example.com`

const ACCOUNT_BODIES: [string, string, string, HostileCase['expect']][] = [
  [
    '/auth/sign_in',
    'a wrong password',
    JSON.stringify({ user: { email: 'user@example.com', password: 'x' } }),
    INVALID_CREDENTIALS,
  ],
  [
    '/auth/sign_in',
    'a 100 KB email',
    JSON.stringify({ user: { email: LONG_EMAIL, password: 'password' } }),
    INVALID_CREDENTIALS,
  ],
  [
    '/auth/sign_in',
    'a number as the password',
    '{"user":{"email":"user@example.com","password":1}}',
    INVALID_CREDENTIALS,
  ],
  [
    '/auth/sign_in',
    'an object as the email',
    '{"user":{"email":{"$ne":null},"password":"password"}}',
    INVALID_CREDENTIALS,
  ],
  [
    '/auth/sign_in',
    '__proto__ fields',
    '{"user":{"__proto__":{"email":"user@example.com","password":"password"}}}',
    INVALID_CREDENTIALS,
  ],
  [
    '/auth/sign_in',
    'a NUL in the email',
    JSON.stringify({ user: { email: 'user@example.com\u0000', password: 'password' } }),
    INVALID_CREDENTIALS,
  ],
  [
    '/auth/sign_in',
    'no user wrapper',
    SIGN_IN.replace('"user"', '"account"'),
    invalid(ERROR_MESSAGES.missingWrapper('user')),
  ],
  [
    '/auth/sign_in',
    'a string user',
    '{"user":"user@example.com"}',
    invalid(ERROR_MESSAGES.wrapperNotObject('user')),
  ],
  ['/auth/sign_in', 'not JSON', 'email=user@example.com&password=password', badJson],
  [
    '/auth/sign_up',
    'a taken email in capitals',
    JSON.stringify({ user: { email: 'USER@EXAMPLE.COM', password: 'secret1' } }),
    signUpInvalid('Email has already been taken'),
  ],
  [
    '/auth/sign_up',
    'an email with two @',
    JSON.stringify({ user: { email: 'a@b@c', password: 'secret1' } }),
    signUpInvalid('Email is invalid'),
  ],
  [
    '/auth/sign_up',
    'a 100 KB email',
    JSON.stringify({ user: { email: LONG_EMAIL, password: 'x' } }),
    signUpInvalid('Password is too short (minimum is 6 characters)'),
  ],
  [
    '/auth/sign_up',
    'an array as the password (dropped as unpermitted)',
    '{"user":{"email":"n@example.com","password":["secret1"]}}',
    signUpInvalid("Password can't be blank"),
  ],
  [
    '/auth/sign_up',
    'a mismatched confirmation',
    '{"user":{"email":"n@example.com","password":"secret1","password_confirmation":"secret2"}}',
    signUpInvalid("Password confirmation doesn't match Password"),
  ],
  ['/auth/sign_up', 'an empty user', '{"user":{}}', invalid(ERROR_MESSAGES.missingWrapper('user'))],
  [
    '/auth/sign_up',
    'a truncated body',
    '{"user":{"email":"n@example.com","password":"sec',
    badJson,
  ],
]

// Each leaves the store as it was: a field of a shape its permit does not allow is dropped
// silently, and the blank name that remains is refused.
const BLANK_NAME = invalid("Name can't be blank")
const AGENT_BODIES: [string, string, HostileCase['expect']][] = [
  ['a list as conversation_config', '{"agent":{"name":" ","conversation_config":[1]}}', BLANK_NAME],
  ['a string as widget_config', '{"agent":{"name":" ","widget_config":"blue"}}', BLANK_NAME],
  ['tags that are not a list', '{"agent":{"name":" ","tags":"support"}}', BLANK_NAME],
  ['tags holding an object', '{"agent":{"name":" ","tags":[{"a":1}]}}', BLANK_NAME],
  [
    'a platform_settings nested 100,000 deep',
    `{"agent":{"name":"x","platform_settings":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`,
    tooDeep,
  ],
  ['no agent wrapper', '{"name":"x"}', invalid(ERROR_MESSAGES.missingWrapper('agent'))],
  ['the api_key wrapper', VALID_CREATE, invalid(ERROR_MESSAGES.missingWrapper('agent'))],
]

const PAGE_SIZE = 'Page size must be between 1 and 100'
const AGENT_QUERIES: [string, HostileCase['expect']][] = [
  ['page_size=0', invalid(PAGE_SIZE)],
  ['page_size=-1', invalid(PAGE_SIZE)],
  ['page_size=101', invalid(PAGE_SIZE)],
  ['page_size=1e2', invalid(PAGE_SIZE)],
  ['page_size=10abc', invalid(PAGE_SIZE)],
  ['page_size=%00', invalid(PAGE_SIZE)],
  ['page_size=99999999999999999999', invalid(PAGE_SIZE)],
  ['offset=-1', invalid('Offset must be a whole number of at least 0')],
  ['offset=1.5', invalid('Offset must be a whole number of at least 0')],
  ['cursor=%7B%7D', invalid('Cursor is not a valid cursor')],
  ['sort_by=__proto__', invalid("Sort by must be 'name' or 'created_at'")],
  ['sort_direction=ASC', invalid("Sort direction must be 'asc' or 'desc'")],
  ['offset=999999999999999', { status: 200 }],
  ['search=%00', { status: 200 }],
  [`search=${'%25'.repeat(2000)}`, { status: 200 }],
  ['__proto__=1&constructor=2', { status: 200 }],
]

function accountAndAgentCases(): HostileCase[] {
  const cases: HostileCase[] = []
  for (const [path, label, body, expected] of ACCOUNT_BODIES) {
    cases.push({
      name: `POST ${path} with ${label} is ${expected.status}`,
      method: 'POST',
      path,
      headers: [JSON_TYPE],
      body,
      expect: expected,
    })
  }
  for (const [label, body, expected] of AGENT_BODIES) {
    cases.push({
      name: `POST /agents with ${label} is ${expected.status}`,
      method: 'POST',
      path: '/agents',
      headers: [asUser1, JSON_TYPE],
      body,
      expect: expected,
    })
    cases.push({
      name: `PUT /agents/123 with ${label} is ${expected.status}`,
      method: 'PUT',
      path: '/agents/123',
      headers: [asUser1, JSON_TYPE],
      body,
      expect: expected,
    })
  }
  for (const [query, expected] of AGENT_QUERIES) {
    cases.push({
      name: `GET /agents?${query.slice(0, 60)} is ${expected.status}`,
      method: 'GET',
      path: `/agents?${query}`,
      headers: [asUser1],
      expect: expected,
    })
  }
  return cases
}

// ---------------------------------------------------------------------------------------------
// Routes and methods no endpoint serves: the API's 404, with or without credentials.

const ROUTES: [string, string][] = [
  // PATCH is an update on a key, as Rails' `resources` routes it, never on the collection.
  ['PATCH', '/api_keys'],
  ['POST', '/api_keys/1'],
  // Paths match case-sensitively, as Rails' router does.
  ['GET', '/API_KEYS'],
  ['GET', '/Api_Keys/1'],
  ['HEAD', '/API_KEYS'],
  ['DELETE', '/API_KEYS/1'],
  // One format at most, after a non-empty name.
  ['GET', '/api_keys.json.json'],
  ['GET', '/api_keys.'],
  ['HEAD', '/api_keys/1/rotate'],
  ['PUT', '/api_keys'],
  ['DELETE', '/api_keys'],
  ['OPTIONS', '/api_keys'],
  ['GET', '/api_keys/1/rotate'],
  ['GET', '/api_keys/1/2'],
  ['GET', '/api_keys%2F1'],
  ['GET', '/users'],
  ['GET', '/api_keys/../users'],
  ['GET', '/%00'],
  ['PROPFIND', '/api_keys'],
  ['PATCH', '/agents'],
  ['POST', '/agents/123'],
  ['DELETE', '/agents'],
  ['GET', '/auth/sign_in'],
  ['PUT', '/auth/sign_out'],
  ['POST', '/user/current'],
  ['GET', '/user'],
  ['GET', '/users/current'],
]

function routeCases(): HostileCase[] {
  const cases: HostileCase[] = []
  for (const [method, path] of ROUTES) {
    cases.push({
      name: `${method} ${path} is the API's 404`,
      method,
      path,
      headers: [asUser1],
      expect: { status: 404, error: 'route_not_found', errors: 'route' },
    })
    cases.push({
      name: `${method} ${path} without credentials is the API's 404`,
      method,
      path,
      headers: [],
      expect: { status: 404, error: 'route_not_found', errors: 'route' },
    })
  }
  return cases
}

// ---------------------------------------------------------------------------------------------
// The scenario header (`X-Voiceable-Mock-Scenario`): read before anything else, so an unknown
// name is a 400 on every route, with or without credentials, and changes nothing.

const SCENARIO_VALUES: [string, string][] = [
  ['an unknown name', 'nope'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['a name in the wrong case', 'DOCUMENTED'],
  ['an empty value', ''],
  ['5,000 characters', 's'.repeat(5000)],
]

function scenarioCases(): HostileCase[] {
  const cases: HostileCase[] = []
  const routes = [
    ...ENDPOINTS,
    { label: 'PATCH /api_keys (no route)', method: 'PATCH', path: '/api_keys', body: undefined },
  ]
  for (const [label, value] of SCENARIO_VALUES) {
    for (const route of routes) {
      cases.push({
        name: `${route.label} with ${label} as the scenario header is 400`,
        method: route.method,
        path: route.path,
        headers: [
          ['X-Voiceable-Mock-Scenario', value],
          asUser1,
          ...(route.body === undefined ? [] : [JSON_TYPE]),
        ],
        ...(route.body === undefined ? {} : { body: route.body }),
        expect: {
          status: 400,
          error: 'bad_request',
          errors: [ERROR_MESSAGES.unknownScenario(value)],
        },
      })
    }
  }
  // The current scenario's own name switches nothing.
  cases.push({
    name: 'GET /api_keys with the current scenario in the header is 200',
    method: 'GET',
    path: '/api_keys',
    headers: [['X-Voiceable-Mock-Scenario', 'documented'], asUser1],
    expect: { status: 200 },
  })
  return cases
}

// ---------------------------------------------------------------------------------------------
// Phone numbers, conversations, integrations and campaigns: other users' records, bodies a client
// might get wrong, and multipart forms (Create Campaign).

const notFoundOf = (error: string, sentence: string) => ({
  status: 404,
  error,
  errors: [sentence],
})
const PHONE_NUMBER_NOT_FOUND = notFoundOf('phone_number_not_found', 'Phone number not found')
const AGENT_NOT_FOUND_BY_NUMBER = notFoundOf('agent_not_found', 'Agent not found')
const SENDERS_NOT_FOUND = notFoundOf(
  'phone_number_or_agent_not_found',
  'Phone number or agent not found',
)

function documentedResourceCases(): HostileCase[] {
  const key = asUser1
  const form = (body: string, headers: [string, Value][] = [key, MULTIPART_TYPE]) => ({
    method: 'POST',
    path: '/campaigns',
    headers,
    body,
  })
  return [
    {
      name: "GET another user's phone number is 404",
      method: 'GET',
      path: (c) => `/phone_numbers/${c.foreignPhoneNumberId}`,
      headers: [key],
      expect: PHONE_NUMBER_NOT_FOUND,
    },
    {
      name: "PUT another user's phone number, even with an invalid body, is 404",
      method: 'PUT',
      path: (c) => `/phone_numbers/${c.foreignPhoneNumberId}`,
      headers: [key, JSON_TYPE],
      body: '{"label":" "}',
      expect: PHONE_NUMBER_NOT_FOUND,
    },
    {
      name: "DELETE another user's phone number is 404",
      method: 'DELETE',
      path: (c) => `/phone_numbers/${c.foreignPhoneNumberId}`,
      headers: [key],
      expect: PHONE_NUMBER_NOT_FOUND,
    },
    {
      name: "attaching phone number 1 to another user's agent is 404",
      method: 'PUT',
      path: '/phone_numbers/1',
      headers: [key, JSON_TYPE],
      body: (c) => JSON.stringify({ agent_id: c.foreignAgentId }),
      expect: AGENT_NOT_FOUND_BY_NUMBER,
    },
    {
      name: "POST /phone_numbers on another user's agent is 404 before the 422",
      method: 'POST',
      path: '/phone_numbers',
      headers: [key, JSON_TYPE],
      body: (c) => JSON.stringify({ phone_number: 'x', agent_id: c.foreignAgentId }),
      expect: AGENT_NOT_FOUND_BY_NUMBER,
    },
    {
      name: 'POST /phone_numbers with a __proto__ body is 422',
      method: 'POST',
      path: '/phone_numbers',
      headers: [key, JSON_TYPE],
      body: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
      expect: invalid(
        "Phone number can't be blank",
        "Label can't be blank",
        "Provider can't be blank",
      ),
    },
    {
      name: "GET another user's conversation is 404",
      method: 'GET',
      path: (c) => `/conversations/${c.foreignConversationId}`,
      headers: [key],
      expect: notFoundOf('conversation_not_found', 'Conversation not found'),
    },
    {
      name: 'GET /conversations with a tampered cursor is 422',
      method: 'GET',
      path: '/conversations?cursor=eyJ0YW1wZXJlZCI6dHJ1ZX0',
      headers: [key],
      expect: { status: 422, error: 'validation_failed' },
    },
    {
      name: 'GET /conversations with page_size 101 is 422',
      method: 'GET',
      path: '/conversations?page_size=101',
      headers: [key],
      expect: { status: 422, error: 'validation_failed' },
    },
    {
      name: 'GET an integration type user 1 lacks is 404',
      method: 'GET',
      path: '/integrations/openai',
      headers: [key],
      expect: notFoundOf('integration_not_found', 'Integration not found'),
    },
    {
      name: 'POST /integrations of a type user 1 has is 422',
      method: 'POST',
      path: '/integrations',
      headers: [key, JSON_TYPE],
      body: '{"integration":{"integration_type":"elevenlabs","config":{"api_key":"sk_x"}}}',
      expect: invalid('Integration type has already been taken'),
    },
    {
      name: 'POST /integrations with a __proto__ config is 422',
      method: 'POST',
      path: '/integrations',
      headers: [key, JSON_TYPE],
      body: '{"integration":{"integration_type":"openai","config":{"__proto__":{"polluted":1}}}}',
      expect: { status: 422, error: 'validation_failed' },
    },
    {
      name: "GET another user's campaign is 404",
      method: 'GET',
      path: (c) => `/campaigns/${c.foreignCampaignId}`,
      headers: [key],
      expect: notFoundOf('campaign_not_found', 'Campaign not found'),
    },
    {
      name: "POST /campaigns with another user's agent is 404 before the 422",
      ...form('', [key, MULTIPART_TYPE]),
      body: (c) => campaignForm({ agent_id: c.foreignAgentId, name: '' }),
      expect: SENDERS_NOT_FOUND,
    },
    {
      name: "POST /campaigns with another user's phone number is 404",
      ...form(''),
      body: (c) => campaignForm({ phone_number_id: String(c.foreignPhoneNumberId) }),
      expect: SENDERS_NOT_FOUND,
    },
    {
      name: 'POST /campaigns with several phone_number_ids[], one foreign, is 404',
      ...form(''),
      body: (c) =>
        multipartBody([
          ['name', 'x'],
          ['phone_number_ids[]', '1'],
          ['phone_number_ids[]', String(c.foreignPhoneNumberId)],
          ['agent_id', '123'],
          ['manual_phone_numbers', '[{"name":"a","phone_number":"+15550100001","language":"en"}]'],
          ['send_immediately', 'true'],
        ]),
      expect: SENDERS_NOT_FOUND,
    },
    {
      name: 'POST /campaigns with a JSON body and no ids is 404',
      method: 'POST',
      path: '/campaigns',
      headers: [key, JSON_TYPE],
      body: '{"campaign":{"name":"x"}}',
      expect: SENDERS_NOT_FOUND,
    },
    {
      name: 'POST /campaigns with a CSV whose quote never closes is 422',
      ...form(
        campaignForm({
          recipients_file: { filename: 'r.csv', content: 'phone_number\n"+15550100001\n' },
        }),
      ),
      expect: invalid('Recipients file is not a valid CSV (quoted field unterminated in row 2)'),
    },
    {
      name: 'POST /campaigns with a CSV of no numbers and a blank name is 422',
      ...form(campaignForm({ name: ' ', recipients_file: 'name,phone\nAnn,+15550100001\n' })),
      expect: invalid("Name can't be blank", 'Recipients file has no phone numbers'),
    },
    {
      name: 'POST /campaigns with __proto__ manual numbers is 422',
      ...form(
        campaignForm({
          recipients_file: null,
          manual_phone_numbers: '{"__proto__":{"polluted":1}}',
        }),
      ),
      expect: invalid('Manual phone numbers is invalid'),
    },
    {
      name: 'POST /campaigns with __proto__ and constructor part names is 422',
      ...form(
        multipartBody([
          ['__proto__', 'x'],
          ['__proto__[]', 'x'],
          ['constructor', 'x'],
          ['phone_number_id', '1'],
          ['agent_id', '123'],
        ]),
      ),
      expect: invalid(
        "Name can't be blank",
        "Recipients file can't be blank",
        'Send immediately is not included in the list',
      ),
    },
    {
      name: 'POST /campaigns later with a bad date and time is 422',
      ...form(
        campaignForm({
          send_immediately: 'false',
          schedule_date: '2024-13-01',
          schedule_time: '10:00:00 PM',
        }),
      ),
      expect: invalid('Schedule date is invalid', 'Schedule time is invalid'),
    },
    {
      name: 'POST /campaigns with a broken multipart body is 400',
      ...form(campaignForm().slice(0, 120)),
      expect: { status: 400, error: 'invalid_form' },
    },
    {
      name: 'POST /campaigns with a multipart type but no boundary is not read: 404',
      ...form(campaignForm(), [key, ['Content-Type', 'multipart/form-data']]),
      expect: SENDERS_NOT_FOUND,
    },
    {
      name: 'POST /campaigns with a CSV over the size limit is 413',
      ...form(
        campaignForm({
          recipients_file: `phone_number\n${'+15550100001\n'.repeat(MAX_BODY_BYTES / 12)}`,
        }),
      ),
      expect: tooLarge,
    },
  ]
}

export function buildCorpus(): HostileCase[] {
  return [
    ...documentedResourceCases(),
    ...idCases(),
    ...credentialCases(),
    ...bodyCases(),
    ...accountAndAgentCases(),
    ...routeCases(),
    ...scenarioCases(),
  ]
}
