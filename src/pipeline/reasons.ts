/**
 * Why a request got its answer, in one sentence: recorded by the core in the journal (`reason`)
 * where the answer is decided, and shown by the demo server's inspector. Never sent in a
 * response: the API's bodies stay as they are.
 */
import type { Principal } from './principal.js'

/** What every 401's `errors` sentence starts with; the reason keeps only what follows. */
const AUTHENTICATION_PREFIX = 'Invalid or missing authentication: '

/** How a reason names a credential. */
const CREDENTIAL_WORDS = { private: 'private key', public: 'public key', jwt: 'JWT' } as const

/** A record's id as a reason shows it: numbers as they are, text in quotes (`agent "123"`). */
function showId(id: unknown): string {
  return typeof id === 'number' ? String(id) : JSON.stringify(String(id).slice(0, 100))
}

/** The sentences, named so that tests can assert them. */
export const REASONS = {
  payloadTooLarge: (limit: number): string => `413: the body is over the ${limit}-byte limit`,
  unknownScenario: (name: string): string =>
    `400: unknown scenario ${JSON.stringify(name.slice(0, 100))} in the scenario header`,
  noCredential: '401: no credential',
  /** A 401 for a credential that was sent, from its `errors` sentence (`PIPELINE_MESSAGES`). */
  unauthorized: (message: string): string =>
    `401: ${message.startsWith(AUTHENTICATION_PREFIX) ? message.slice(AUTHENTICATION_PREFIX.length) : message}`,
  rateLimited: (count: number, limit: number, windowSeconds: number): string =>
    `429: ${count} requests in the current window (the limit is ${limit} per ${windowSeconds} s)`,
  routeNotFound: (method: string, path: string): string =>
    `404: no route matches ${method} ${path.slice(0, 200)}`,
  publicKeyForbidden: "403: public keys cannot use this endpoint (publicKeyAccess: 'forbidden')",
  publicKeyReadOnly: '403: public keys cannot write',
  injectedError: (status: number, endpoint: string): string =>
    `injected fault: error ${status} on ${endpoint}`,
  injectedNetworkError: (endpoint: string): string =>
    `injected fault: network error on ${endpoint}`,
  injectedRateLimit: (endpoint: string): string =>
    `injected fault: rate limit exhausted on ${endpoint}`,
  /** A record that exists but belongs to someone else: the same 404 as a missing one, on the wire. */
  foreignRecord: (label: string, id: unknown, owner: number, caller: number): string =>
    `404: ${label} ${showId(id)} belongs to user ${owner}, not to the caller (user ${caller})`,
  missingRecord: (label: string, id: unknown): string => `404: there is no ${label} ${showId(id)}`,
  internal: (error: string): string => `500: a bug in voiceable-mock: ${error.slice(0, 500)}`,
  /** Any other error: its status and its `errors` sentences. */
  error: (status: number, errors: readonly string[]): string => `${status}: ${errors.join('; ')}`,
  /**
   * A success: who was answered, with which credential, and how many records a list held.
   * @example '200: listApiKeys answered user 3 (JWT) with 0 records'
   */
  answered(status: number, endpoint: string, principal: Principal | undefined, body: unknown) {
    const caller =
      principal === undefined
        ? 'a caller without a credential'
        : `user ${principal.user.id} (${CREDENTIAL_WORDS[principal.keyType]})`
    const data = (body as { data?: unknown } | null)?.data
    const records = Array.isArray(data)
      ? ` with ${data.length} ${data.length === 1 ? 'record' : 'records'}`
      : ''
    return `${status}: ${endpoint} answered ${caller}${records}`
  },
} as const
