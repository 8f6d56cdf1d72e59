/**
 * The hostile-input corpus: requests a careless or malicious client could send, each with the
 * answer the API owes it. Built as a cross product (ids × id endpoints, credentials × endpoints,
 * bodies × body endpoints) plus routes, so every endpoint meets every kind of input: the API-key
 * endpoints, the agents, sign-in, sign-up, sign-out and the current user.
 *
 * Values that depend on the store (secrets, tokens, ids) are functions of a `HostileContext`
 * that the test builds once; everything else is a literal.
 */
import { LIST_ITEM_MAX_LENGTH, LIST_MAX_ITEMS } from '../../src/defaults.js'
import { ERROR_MESSAGES, MAX_BODY_BYTES } from '../../src/index.js'

const LIST_LIMITS = { items: LIST_MAX_ITEMS, item: LIST_ITEM_MAX_LENGTH } as const

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
const tooLarge = {
  status: 413,
  error: 'payload_too_large',
  errors: [ERROR_MESSAGES.payloadTooLarge(MAX_BODY_BYTES)],
}

// ---------------------------------------------------------------------------------------------
// Ids: anything but a canonical positive integer names no key, and answers exactly like a
// missing key (after authentication).

const HOSTILE_IDS: [string, string][] = [
  ['zero', '0'],
  ['negative', '-1'],
  ['decimal', '1.5'],
  ['exponent', '1e3'],
  ['leading zero', '01'],
  ['hex', '0x1'],
  ['plus sign', '+1'],
  ['huge', '99999999999999999999'],
  ['16 digits beyond the safe integers', '9999999999999999'],
  ['2^53 + 1', '9007199254740993'],
  ['fullwidth digit', '%EF%BC%91'],
  ['Arabic-Indic digit', '%D9%A1'],
  ['superscript one', '%C2%B9'],
  ['NUL', '%00'],
  ['NUL after a valid id', '1%00'],
  ['encoded space', '%20'],
  ['trailing encoded space', '1%20'],
  ['encoded slash traversal', '..%2F1'],
  ['encoded double traversal', '..%2F..%2Fusers'],
  ['encoded backslash', '..%5C1'],
  ['letters', 'abc'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['null', 'null'],
  ['list of ids', '1,2'],
  ['bracketed', '%5B1%5D'],
  ['route placeholder', ':id'],
  ['SQL', "1'%20OR%20'1'='1"],
  ['percent', '%25'],
  ['semicolon parameter', '1;x=1'],
  ['file extension', '1.json'],
  ['very long', '1'.repeat(5000)],
]

function idCases(): HostileCase[] {
  const cases: HostileCase[] = []
  for (const [label, id] of HOSTILE_IDS) {
    cases.push({
      name: `GET /api_keys/{${label}} is 404`,
      method: 'GET',
      path: `/api_keys/${id}`,
      headers: [asUser1],
      expect: NOT_FOUND,
    })
    cases.push({
      name: `PUT /api_keys/{${label}} is 404`,
      method: 'PUT',
      path: `/api_keys/${id}`,
      headers: [asUser1, JSON_TYPE],
      body: VALID_UPDATE,
      expect: NOT_FOUND,
    })
    cases.push({
      name: `DELETE /api_keys/{${label}} is 404`,
      method: 'DELETE',
      path: `/api_keys/${id}`,
      headers: [asUser1],
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
  for (const [label, id] of HOSTILE_IDS) {
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
  {
    label: 'empty X-API-Key',
    headers: [['X-API-Key', '']],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'whitespace X-API-Key',
    headers: [['X-API-Key', '   ']],
    expect: unauthorized(ERROR_MESSAGES.invalidApiKey),
  },
  {
    label: 'empty Authorization',
    headers: [['Authorization', '']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
  },
  {
    label: 'whitespace Authorization',
    headers: [['Authorization', ' \t ']],
    expect: unauthorized(ERROR_MESSAGES.malformedAuthorization),
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
  { label: 'GET /agents', method: 'GET', path: '/agents' },
  // A create that would succeed is never in the corpus (the store must not change): no name.
  {
    label: 'POST /agents',
    method: 'POST',
    path: '/agents',
    body: '{"agent":{"tags":["x"]}}',
  },
  { label: 'GET /agents/123', method: 'GET', path: '/agents/123' },
  { label: 'PUT /agents/123', method: 'PUT', path: '/agents/123', body: '{"agent":{"name":5}}' },
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
    const variants =
      endpoint.method === 'GET'
        ? [...CREDENTIAL_VARIANTS, ...ACCEPTED_VARIANTS]
        : CREDENTIAL_VARIANTS
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
    if (endpoint.method !== 'GET' && endpoint.always === undefined) {
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
  /** Update answer; `'unchanged'` when every field is ignored (200, nothing changes). */
  update: HostileCase['expect'] | 'unchanged'
  /** The update's body when it must differ (no `name`, so that nothing changes). */
  updateBody?: string
}

const missingWrapper = invalid(ERROR_MESSAGES.missingWrapper('api_key'))
const notObject = invalid(ERROR_MESSAGES.wrapperNotObject('api_key'))
const blankCreate = invalid("Name can't be blank", "Key type can't be blank")

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
    body: `\ufeff${wrap({ name: 5 })}`,
    create: invalid('Name must be a string', "Key type can't be blank"),
    update: invalid('Name must be a string'),
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
  // Wrong types
  {
    label: 'a number name',
    body: wrap({ name: 5, key_type: 'private' }),
    create: invalid('Name must be a string'),
    update: invalid('Name must be a string'),
  },
  {
    label: 'a null name',
    body: wrap({ name: null, key_type: 'private' }),
    create: invalid('Name must be a string'),
    update: invalid('Name must be a string'),
  },
  {
    label: 'an object name',
    body: wrap({ name: { first: 'x' }, key_type: 'private' }),
    create: invalid('Name must be a string'),
    update: invalid('Name must be a string'),
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
    create: invalid("Key type must be 'private' or 'public'"),
    update: 'unchanged',
    updateBody: wrap({ key_type: 'admin' }),
  },
  {
    label: 'an upper-case key type',
    body: wrap({ name: 'x', key_type: 'PRIVATE' }),
    create: invalid("Key type must be 'private' or 'public'"),
    update: 'unchanged',
    updateBody: wrap({ key_type: 'PRIVATE' }),
  },
  {
    label: 'a string origins list',
    body: wrap({ name: 'x', key_type: 'private', allowed_origins: 'https://example.com' }),
    create: invalid('Allowed origins must be an array of strings'),
    update: invalid('Allowed origins must be an array of strings'),
  },
  {
    label: 'numbers in the origins',
    body: wrap({ name: 'x', key_type: 'private', allowed_origins: [1, 2] }),
    create: invalid('Allowed origins must be an array of strings'),
    update: invalid('Allowed origins must be an array of strings'),
  },
  {
    label: 'null in the assistants',
    body: wrap({ name: 'x', key_type: 'private', allowed_assistants: [null] }),
    create: invalid('Allowed assistants must be an array of strings'),
    update: invalid('Allowed assistants must be an array of strings'),
  },
  {
    label: 'an array-like object as assistants',
    body: wrap({ name: 'x', key_type: 'private', allowed_assistants: { 0: '123', length: 1 } }),
    create: invalid('Allowed assistants must be an array of strings'),
    update: invalid('Allowed assistants must be an array of strings'),
  },
  {
    label: 'a string transient flag',
    body: wrap({ name: 'x', key_type: 'private', transient_assistant: 'true' }),
    create: invalid('Transient assistant must be true or false'),
    update: 'unchanged',
    updateBody: wrap({ transient_assistant: 'true' }),
  },
  {
    label: 'every field wrong at once',
    body: wrap({
      name: 1,
      key_type: 2,
      allowed_origins: 3,
      allowed_assistants: 4,
      transient_assistant: 5,
    }),
    create: invalid(
      'Name must be a string',
      "Key type must be 'private' or 'public'",
      'Allowed origins must be an array of strings',
      'Allowed assistants must be an array of strings',
      'Transient assistant must be true or false',
    ),
    update: invalid(
      'Name must be a string',
      'Allowed origins must be an array of strings',
      'Allowed assistants must be an array of strings',
    ),
  },
  // Huge
  {
    label: 'a 10,000-character name',
    body: wrap({ name: 'n'.repeat(10_000), key_type: 'private' }),
    create: invalid('Name is too long (maximum is 255 characters)'),
    update: invalid('Name is too long (maximum is 255 characters)'),
  },
  {
    label: 'a 3,000-character origin',
    body: wrap({
      name: 'x',
      key_type: 'private',
      allowed_origins: [`https://${'o'.repeat(3000)}.com`],
    }),
    create: invalid(`Allowed origins entries must be at most ${LIST_LIMITS.item} characters`),
    update: invalid(`Allowed origins entries must be at most ${LIST_LIMITS.item} characters`),
  },
  {
    label: '100,000 assistants',
    body: wrap({
      name: 'x',
      key_type: 'private',
      allowed_assistants: Array.from({ length: 100_000 }, () => '1'),
    }),
    create: invalid(`Allowed assistants must have at most ${LIST_LIMITS.items} entries`),
    update: invalid(`Allowed assistants must have at most ${LIST_LIMITS.items} entries`),
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
  {
    label: 'a name nested 100,000 deep',
    body: `{"api_key":{"name":${deep(100_000)},"key_type":"private"}}`,
    create: invalid('Name must be a string'),
    update: invalid('Name must be a string'),
  },
  {
    label: 'a body nested 100,000 deep',
    body: deep(100_000),
    create: missingWrapper,
    update: missingWrapper,
  },
  {
    label: 'a wrapper nested 10,000 deep',
    body: `{"api_key":${'{"api_key":'.repeat(10_000)}{}${'}'.repeat(10_000)}}`,
    create: blankCreate,
    update: 'unchanged',
  },
  { label: 'nesting past the byte limit', body: deep(600_000), create: tooLarge, update: tooLarge },
  // Duplicate keys: the last one wins, as in every mainstream JSON parser.
  {
    label: 'a duplicate name whose last value is wrong',
    body: '{"api_key":{"name":"good","name":5,"key_type":"private"}}',
    create: invalid('Name must be a string'),
    update: invalid('Name must be a string'),
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
    create: invalid('Name must be a string'),
    update: invalid('Name must be a string'),
  },
  {
    label: 'a __proto__ origins list',
    body: '{"api_key":{"name":"x","key_type":"private","allowed_origins":{"__proto__":["a"]}}}',
    create: invalid('Allowed origins must be an array of strings'),
    update: invalid('Allowed origins must be an array of strings'),
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
    // fields) has nothing wrong with it: an update that changes nothing.
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
    'an array as the password',
    '{"user":{"email":"n@example.com","password":["secret1"]}}',
    signUpInvalid('Password must be a string'),
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

const AGENT_BODIES: [string, string, HostileCase['expect']][] = [
  ['a number name', '{"agent":{"name":5}}', invalid('Name must be a string')],
  [
    'a list as conversation_config',
    '{"agent":{"name":"x","conversation_config":[1]}}',
    invalid('Conversation config must be a JSON object'),
  ],
  [
    'a string as widget_config',
    '{"agent":{"name":"x","widget_config":"blue"}}',
    invalid('Widget config must be a JSON object'),
  ],
  [
    'a platform_settings nested 100,000 deep',
    `{"agent":{"name":"x","platform_settings":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`,
    invalid('Platform settings is nested too deeply (maximum depth is 32)'),
  ],
  [
    'tags that are not a list',
    '{"agent":{"name":"x","tags":"support"}}',
    invalid('Tags must be an array of strings'),
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
  ['PATCH', '/api_keys/1'],
  ['POST', '/api_keys/1'],
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
  ['PATCH', '/agents/123'],
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
    {
      label: 'PATCH /api_keys/1 (no route)',
      method: 'PATCH',
      path: '/api_keys/1',
      body: undefined,
    },
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

export function buildCorpus(): HostileCase[] {
  return [
    ...idCases(),
    ...credentialCases(),
    ...bodyCases(),
    ...accountAndAgentCases(),
    ...routeCases(),
    ...scenarioCases(),
  ]
}
