/**
 * Runs one hostile case (hostile-corpus.ts) against a fake, in-process or over HTTP, and checks
 * everything the API owes it: status, envelope, store unchanged, no prototype pollution, no
 * echoed credential, the journal free of secrets.
 */
import { expect } from 'vitest'
import type { z } from 'zod'
import { ERROR_MESSAGES, type VoiceableMock } from 'voiceable-mock'
import {
  AgentResponseSchema,
  ApiKeyResponseSchema,
  AuthResponseSchema,
  CurrentUserResponseSchema,
  ErrorResponseSchema,
  ListAgentsResponseSchema,
  ListApiKeysResponseSchema,
  SignOutResponseSchema,
} from 'voiceable-mock/schemas'
import { DOCUMENTED_API_KEY } from '../support/documented.js'
import { resolve, type HostileCase, type HostileContext } from './hostile-corpus.js'

export interface Sent {
  method: string
  url: string
  headers: [string, string][]
  body: string | Uint8Array | undefined
}

export interface Answer {
  status: number
  headers: Headers
  text: string
}

export interface HostileTarget {
  /** The base URL requests go to, e.g. `https://api.example.com/api/v1`. */
  base: string
  mock: VoiceableMock
  send(request: Sent): Promise<Answer>
  /**
   * What this transport answers differently from the handlers (e.g. an HTTP server refuses
   * oversized headers with 431 before any handler runs), or `undefined` for the corpus answer.
   */
  override?(sent: Sent): HostileCase['expect'] | undefined
  /** Statuses this transport may give itself, before any handler (and so the journal) sees the request. */
  mayAnswerItself?(status: number): boolean
}

async function signToken(secret: string, header: unknown, claims: unknown): Promise<string> {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const input = `${encode(header)}.${encode(claims)}`
  const key = await crypto.subtle.importKey(
    'raw',
    Buffer.from(secret, 'base64url'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const signature = Buffer.from(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)),
  ).toString('base64url')
  return `${input}.${signature}`
}

/** Adds what the corpus needs to a `documented` store: a public key, a revoked key, tokens. */
export async function prepareHostileContext(
  mock: VoiceableMock,
  nowMs: number,
): Promise<HostileContext> {
  const { store } = mock
  const publicKey = store.createApiKey(1, { name: 'Widget', key_type: 'public' }).key_value
  const revoked = store.createApiKey(1, { name: 'Soon revoked', key_type: 'private' })
  store.deleteApiKey(1, revoked.id)
  const other = store.listUsers().find((user) => user.id === 2)
  const foreignKey = store.listApiKeys(2)[0]
  const foreignAgent = store.listAgents(2)[0]
  if (other?.apiKey == null || foreignKey === undefined || foreignAgent === undefined)
    throw new Error(
      'Failed to set up: the documented scenario has no user 2 with a private key and an agent',
    )
  const others = store.listUsers().filter((user) => user.id !== 1)
  const firstOf = <T>(list: (user: { id: number }) => readonly T[] | undefined): T | undefined =>
    others.map((user) => list(user)?.[0]).find((found) => found !== undefined)
  const foreignPhoneNumber = firstOf((user) => store.listPhoneNumbers(user.id))
  const foreignConversation = firstOf((user) => store.listConversations(user.id)?.data)
  const foreignCampaign = firstOf((user) => store.listCampaigns(user.id))
  if (
    foreignPhoneNumber === undefined ||
    foreignConversation === undefined ||
    foreignCampaign === undefined
  )
    throw new Error(
      'Failed to set up: no other user than 1 has a phone number, a conversation and a campaign',
    )
  const secret = mock.snapshot().token_secret
  const iat = Math.floor(nowMs / 1000)
  // Far-off expiry: the clock moves a minute per case.
  const claims = { sub: '1', scp: 'user', iat, exp: iat + 10 * 365 * 86_400, jti: 'hostile' }
  return {
    key: DOCUMENTED_API_KEY.key_value,
    publicKey,
    revokedKey: revoked.key_value,
    otherUserKey: other.apiKey,
    foreignKeyId: foreignKey.id,
    foreignAgentId: foreignAgent.id,
    foreignPhoneNumberId: foreignPhoneNumber.id,
    foreignConversationId: foreignConversation.conversation_id,
    foreignCampaignId: foreignCampaign.id,
    jwt: await store.issueToken(1, { expiresInSeconds: 10 * 365 * 86_400 }),
    expiredJwt: await store.issueToken(1, { expiresInSeconds: 0 }),
    jwtUnknownUser: await signToken(
      secret,
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, sub: '999' },
    ),
    jwtSubNumber: await signToken(secret, { alg: 'HS256', typ: 'JWT' }, { ...claims, sub: 1 }),
    jwtAlgNone: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`,
    jwtAlgHs512: await signToken(secret, { alg: 'HS512', typ: 'JWT' }, claims),
  }
}

/** The wire schema of a success, by method and path. */
function successSchema(method: string, pathname: string): z.ZodType {
  if (pathname.endsWith('/auth/sign_in')) return AuthResponseSchema
  if (pathname.endsWith('/auth/sign_out')) return SignOutResponseSchema
  if (pathname.endsWith('/user/current')) return CurrentUserResponseSchema
  if (/\/agents\/[^/]+$/.test(pathname)) return AgentResponseSchema
  if (pathname.endsWith('/agents')) return ListAgentsResponseSchema
  return /^(GET|HEAD)$/.test(method) && !/\/api_keys\/[^/?]/.test(pathname)
    ? ListApiKeysResponseSchema
    : ApiKeyResponseSchema
}

function credentialValues(headers: [string, string][]): string[] {
  const values: string[] = []
  for (const [name, value] of headers) {
    if (!/^(x-api-key|authorization)$/i.test(name)) continue
    for (const part of value.split(/[\s,]+/)) if (part.length >= 8) values.push(part)
  }
  return values
}

/** Sends one case and checks the answer and every side effect. */
export async function runHostileCase(
  entry: HostileCase,
  context: HostileContext,
  target: HostileTarget,
  baselineText: string,
): Promise<Answer> {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
  const sent: Sent = {
    method: entry.method,
    url: `${target.base}${resolve(entry.path, context)}`,
    headers: entry.headers.map(([name, value]) => [name, resolve(value, context)]),
    body: entry.body === undefined ? undefined : resolve(entry.body, context),
  }
  const expected = target.override?.(sent) ?? entry.expect
  const journalBefore = target.mock.journal.count()

  const answer = await target.send(sent)
  expect(answer.status, answer.text.slice(0, 500)).toBe(expected.status)
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
  const recorded = target.mock.journal.count() - journalBefore
  let parsed: unknown
  if (entry.method === 'HEAD' && recorded === 1) {
    // A HEAD carries no body, only the GET's headers; the journal keeps what GET would have sent.
    // (One the transport answered itself, unparsed, e.g. a 431 over HTTP, is not known as a HEAD.)
    expect(answer.text, 'a HEAD answer has a body').toBe('')
    const entryOfHead = target.mock.journal.last()
    expect(entryOfHead?.method).toBe('HEAD')
    parsed = entryOfHead?.response
    expect(answer.headers.get('content-length')).toBe(
      String(Buffer.byteLength(JSON.stringify(parsed))),
    )
  } else parsed = answer.text === '' ? undefined : (JSON.parse(answer.text) as unknown)

  if (parsed === undefined) {
    expect(entry.method, 'an answer without a body').toBe('HEAD')
  } else if (expected.error === undefined) {
    successSchema(entry.method, new URL(sent.url).pathname).parse(parsed)
  } else {
    const envelope = ErrorResponseSchema.parse(parsed)
    expect(envelope.error).toBe(expected.error)
    expect(envelope.status.code).toBe(expected.status)
    const errors =
      expected.errors === 'route'
        ? [ERROR_MESSAGES.routeNotFound(entry.method, new URL(sent.url).pathname)]
        : expected.errors === undefined
          ? undefined
          : resolve(expected.errors, context)
    if (errors !== undefined) expect(envelope.errors).toEqual(errors)
    else expect(envelope.errors.length).toBeGreaterThan(0)
  }

  // The store is unchanged, and no prototype was touched.
  expect(JSON.stringify(target.mock.snapshot()) === baselineText, 'the store changed').toBe(true)
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames)
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined()

  // No credential is echoed; the journal recorded the request (unless the transport answered it
  // before any handler) without any secret.
  const secrets = [
    context.key,
    context.publicKey,
    context.revokedKey,
    context.otherUserKey,
    context.jwt,
    context.expiredJwt,
    ...credentialValues(sent.headers),
  ]
  for (const secret of secrets)
    expect(answer.text.includes(secret), 'the response echoes a credential').toBe(false)
  if (target.mayAnswerItself?.(answer.status) === true) expect([0, 1]).toContain(recorded)
  else expect(recorded, 'the journal did not record the request once').toBe(1)
  if (recorded === 1) {
    const entryText = JSON.stringify(target.mock.journal.last())
    for (const secret of secrets)
      expect(entryText.includes(secret), 'the journal holds a credential').toBe(false)
  }
  return answer
}
