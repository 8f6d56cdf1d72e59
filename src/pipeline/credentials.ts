import { looksLikeJwt } from '../store/jwt.js'
import { PIPELINE_MESSAGES } from './envelope.js'
import type { Authenticator, Principal } from './principal.js'

/**
 * One credential found in a request. `malformed` means a header was sent but cannot hold a
 * credential (empty, not `Bearer <token>`, or with characters no key or token contains).
 */
export type Credential =
  | { scheme: 'x-api-key'; token: string }
  | { scheme: 'bearer-key'; token: string }
  | { scheme: 'bearer-jwt'; token: string }
  | { scheme: 'malformed'; header: 'x-api-key' | 'authorization' }

/** Keys and JWTs are visible ASCII with no spaces or commas (a comma means a repeated header). */
const TOKEN = /^[\x21-\x2b\x2d-\x7e]+$/

/**
 * `Bearer`, case-insensitive, one or more spaces, then the token. Surrounding whitespace is
 * already trimmed, by the Fetch `Headers` class and by Node's HTTP parser alike.
 */
const BEARER = /^bearer +(\S+)$/i

/**
 * A header with no value, or only spaces and tabs: sent, but holding nothing. It counts as not
 * sent at all, as `header.present?` reads it in Rails, so a page that always sends `X-API-Key`,
 * empty until the user pastes a key, still authenticates with its Bearer token.
 */
const BLANK = /^[ \t]*$/

/** A request header by its lower-case name; repeated headers joined with `, `, as Fetch does. */
export type HeaderLookup = (name: string) => string | undefined

/**
 * Reads the credentials of a request: `X-API-Key` first, then `Authorization`; a blank header is
 * no credential. Pure; never throws.
 * @example
 * parseCredentials((name) => ({ 'x-api-key': 'your-api-key-here' })[name])
 * // [{ scheme: 'x-api-key', token: 'your-api-key-here' }]
 */
export function parseCredentials(header: HeaderLookup): Credential[] {
  const credentials: Credential[] = []
  const apiKey = header('x-api-key')
  if (apiKey !== undefined && !BLANK.test(apiKey)) {
    credentials.push(
      TOKEN.test(apiKey)
        ? { scheme: 'x-api-key', token: apiKey }
        : { scheme: 'malformed', header: 'x-api-key' },
    )
  }
  const authorization = header('authorization')
  if (authorization !== undefined && !BLANK.test(authorization)) {
    const token = BEARER.exec(authorization)?.[1]
    if (token === undefined || !TOKEN.test(token))
      credentials.push({ scheme: 'malformed', header: 'authorization' })
    else credentials.push({ scheme: looksLikeJwt(token) ? 'bearer-jwt' : 'bearer-key', token })
  }
  return credentials
}

export type CallerResult = { ok: true; principal: Principal } | { ok: false; reason: string }

const TOKEN_FAILURES = {
  malformed: PIPELINE_MESSAGES.invalidToken,
  signature: PIPELINE_MESSAGES.invalidToken,
  'unknown-user': PIPELINE_MESSAGES.invalidToken,
  expired: PIPELINE_MESSAGES.expiredToken,
  revoked: PIPELINE_MESSAGES.revokedToken,
} as const

/** An API key (either header) resolves at once; only a JWT's signature check waits. */
function resolveCredential(
  credential: Credential,
  store: Authenticator,
): CallerResult | Promise<CallerResult> {
  switch (credential.scheme) {
    case 'malformed':
      return {
        ok: false,
        reason:
          credential.header === 'authorization'
            ? PIPELINE_MESSAGES.malformedAuthorization
            : PIPELINE_MESSAGES.invalidApiKey,
      }
    case 'x-api-key':
    case 'bearer-key': {
      const principal = store.authenticateKeyValue(credential.token)
      return principal === undefined
        ? { ok: false, reason: PIPELINE_MESSAGES.invalidApiKey }
        : { ok: true, principal }
    }
    case 'bearer-jwt':
      return store
        .authenticateToken(credential.token)
        .then((result) =>
          result.ok ? result : { ok: false, reason: TOKEN_FAILURES[result.reason] },
        )
  }
}

/** The caller named by every credential's result, in the order the credentials were sent. */
function combine(results: readonly CallerResult[]): CallerResult {
  let acting: Principal | undefined
  for (const result of results) {
    if (!result.ok) return result
    if (acting !== undefined && acting.user.id !== result.principal.user.id) {
      return { ok: false, reason: PIPELINE_MESSAGES.conflictingCredentials }
    }
    // The JWT's id rides along whichever credential acts: sign-out revokes it.
    const { tokenId } = result.principal
    if (acting === undefined) acting = result.principal
    else if (tokenId !== undefined && acting.tokenId === undefined) acting = { ...acting, tokenId }
  }
  return acting === undefined
    ? { ok: false, reason: PIPELINE_MESSAGES.missingCredentials }
    : { ok: true, principal: acting }
}

/**
 * Who is calling. Every credential sent must be valid and all must name the same user: an
 * invalid header is never silently ignored because a valid one sits beside it. When both are
 * valid, `X-API-Key` is the acting credential (it decides public-key permissions). Synchronous
 * unless a JWT has to be verified (WebCrypto is asynchronous), so API-key requests wait for nothing.
 */
export function resolveCaller(
  header: HeaderLookup,
  store: Authenticator,
): CallerResult | Promise<CallerResult> {
  const results = parseCredentials(header).map((credential) => resolveCredential(credential, store))
  if (!results.some((result) => result instanceof Promise))
    return combine(results as CallerResult[])
  // Combined in the order the credentials were sent, whichever check finishes first.
  return Promise.all(results.map(async (result) => result)).then(combine)
}
