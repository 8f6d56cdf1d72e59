/**
 * Hostile inputs (test/reliability/hostile-corpus.ts) against every endpoint, through msw's
 * `getResponse`: each is answered in the API's envelope with the right status, the store is
 * unchanged, nothing is polluted, no credential is echoed, and afterwards the fake still answers
 * ordinary requests correctly.
 */
import { getResponse } from 'msw'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  ApiKeyResponseSchema,
  createVoiceableMock,
  DOCUMENTED_API_KEY,
  ERROR_MESSAGES,
  ErrorResponseSchema,
  ListApiKeysResponseSchema,
  type Snapshot,
} from '../../src/index.js'
import { recordFigures } from './figures.js'
import { buildCorpus, resolve, type HostileCase, type HostileContext } from './hostile-corpus.js'

const BASE = 'https://api.example.com/api/v1'
const corpus = buildCorpus()
let nowMs = Date.parse('2024-02-01T00:00:00Z')
const mock = createVoiceableMock({ now: () => new Date(nowMs) })
let context: HostileContext
let baseline: Snapshot
let baselineText: string
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
const figures = { cases: 0, requests: 0 }

async function signToken(secret: string, header: unknown, claims: unknown): Promise<string> {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${encode(header)}.${encode(claims)}`
  const key = await crypto.subtle.importKey('raw', Buffer.from(secret, 'base64url'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const signature = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input))).toString('base64url')
  return `${input}.${signature}`
}

beforeAll(async () => {
  const { store } = mock
  const publicKey = store.createApiKey(1, { name: 'Widget', key_type: 'public' }).key_value
  const revoked = store.createApiKey(1, { name: 'Soon revoked', key_type: 'private' })
  store.deleteApiKey(1, revoked.id)
  const other = store.listUsers().find((user) => user.id === 2)
  const foreignKey = store.listApiKeys(2)[0]
  if (other?.apiKey == null || foreignKey === undefined) throw new Error('Failed to set up: the documented scenario has no user 2 with a private key')
  const secret = mock.snapshot().token_secret
  const iat = Math.floor(nowMs / 1000)
  // Far-off expiry: the clock moves a minute per case.
  const claims = { sub: '1', scp: 'user', iat, exp: iat + 10 * 365 * 86_400, jti: 'hostile' }
  context = {
    key: DOCUMENTED_API_KEY.key_value,
    publicKey,
    revokedKey: revoked.key_value,
    otherUserKey: other.apiKey,
    foreignKeyId: foreignKey.id,
    jwt: await store.issueToken(1),
    expiredJwt: await store.issueToken(1, { expiresInSeconds: 0 }),
    jwtUnknownUser: await signToken(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, sub: '999' }),
    jwtSubNumber: await signToken(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, sub: 1 }),
    jwtAlgNone: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`,
    jwtAlgHs512: await signToken(secret, { alg: 'HS512', typ: 'JWT' }, claims),
  }
  baseline = mock.snapshot()
  baselineText = JSON.stringify(baseline)
})

afterAll(async () => {
  // After all of it, the fake still answers correctly: a read, a write, and the store is intact.
  mock.restore(baseline)
  const read = await getResponse(mock.handlers, new Request(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': context.key } }))
  expect(read?.status).toBe(200)
  expect(ApiKeyResponseSchema.parse(await read?.json()).data).toEqual({ ...DOCUMENTED_API_KEY, key_value: null })
  const created = await getResponse(
    mock.handlers,
    new Request(`${BASE}/api_keys`, { method: 'POST', headers: { 'X-API-Key': context.key, 'Content-Type': 'application/json' }, body: '{"api_key":{"name":"After","key_type":"private"}}' }),
  )
  expect(created?.status).toBe(201)
  figures.requests += 2
  recordFigures('hostile', figures)
})

function credentialValues(request: Request): string[] {
  const values: string[] = []
  for (const name of ['x-api-key', 'authorization']) {
    for (const part of (request.headers.get(name) ?? '').split(/[\s,]+/)) if (part.length >= 8) values.push(part)
  }
  return values
}

it('holds at least 200 hostile cases, each with its own name', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(200)
  expect(new Set(corpus.map((entry) => entry.name)).size).toBe(corpus.length)
})

it.each(corpus.map((entry): [string, HostileCase] => [entry.name, entry]))('%s', async (_, entry) => {
  mock.restore(baseline)
  nowMs += 61_000
  figures.cases++
  const headers = new Headers()
  for (const [name, value] of entry.headers) headers.append(name, resolve(value, context))
  const body = entry.body === undefined ? undefined : resolve(entry.body, context)
  const request = new Request(`${BASE}${resolve(entry.path, context)}`, { method: entry.method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) })
  const journalBefore = mock.journal.count()

  const response = await getResponse(mock.handlers, request)
  figures.requests++
  expect(response, 'no handler answered').toBeDefined()
  const text = (await response?.text()) ?? ''
  expect(response?.status, text.slice(0, 500)).toBe(entry.expect.status)
  expect(response?.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(response?.headers.get('x-ratelimit-limit')).not.toBeNull()
  const parsed = JSON.parse(text) as unknown

  if (entry.expect.error === undefined) {
    // A success: the documented shape, and nothing changed in the store.
    const schema = entry.method === 'GET' && !/\/api_keys\/\d/.test(request.url) ? ListApiKeysResponseSchema : ApiKeyResponseSchema
    schema.parse(parsed)
  } else {
    const envelope = ErrorResponseSchema.parse(parsed)
    expect(envelope.error).toBe(entry.expect.error)
    expect(envelope.status.code).toBe(entry.expect.status)
    const errors = entry.expect.errors === 'route' ? [ERROR_MESSAGES.routeNotFound(request.method, new URL(request.url).pathname)] : entry.expect.errors === undefined ? undefined : resolve(entry.expect.errors, context)
    if (errors !== undefined) expect(envelope.errors).toEqual(errors)
    else expect(envelope.errors.length).toBeGreaterThan(0)
  }

  // The store is unchanged, and no prototype was touched.
  expect(JSON.stringify(mock.snapshot()) === baselineText, 'the store changed').toBe(true)
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames)
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined()

  // No credential is echoed, and the journal recorded the request without any secret.
  const secrets = [context.key, context.publicKey, context.revokedKey, context.otherUserKey, context.jwt, context.expiredJwt, ...credentialValues(request)]
  for (const secret of secrets) expect(text.includes(secret), 'the response echoes a credential').toBe(false)
  expect(mock.journal.count()).toBe(journalBefore + 1)
  const entryText = JSON.stringify(mock.journal.last())
  for (const secret of secrets) expect(entryText.includes(secret), 'the journal holds a credential').toBe(false)
})
