/**
 * HS256 JSON Web Tokens with `jose`, which runs on WebCrypto (`crypto.subtle`), so the same code
 * runs in Node, the browser worker and the demo server. Only HS256 is accepted: `alg: none` and
 * every other algorithm are rejected before any signature check.
 * @note `jose` is imported on the first sign or verify, not at start-up: most processes (every
 * test file) never sign a token, and loading it cost about a third of msw's own start-up.
 */
import { decodeBase64Url, encodeBase64Url } from '../internal/base64url.js'
import type * as JoseCalls from './jose-calls.js'

let jose: Promise<typeof JoseCalls> | undefined
/** `jose`, loaded once, when a token is first signed or checked. */
const loadJose = (): Promise<typeof JoseCalls> => (jose ??= import('./jose-calls.js'))

export interface TokenClaims {
  /** The user id, as a string (RFC 7519). */
  sub: string
  /** Scope, as devise-jwt writes it. */
  scp: 'user'
  iat: number
  exp: number
  jti: string
}

export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

/** The header every token carries, in this key order, so tokens stay byte-identical. */
const HEADER = { alg: 'HS256', typ: 'JWT' } as const

/** A token is three base64url segments joined by dots; API keys never contain a dot. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/

export function looksLikeJwt(token: string): boolean {
  return JWT_SHAPE.test(token)
}

export function toBase64Url(bytes: Uint8Array): string {
  return encodeBase64Url(bytes)
}

/**
 * Whether a segment is base64url in canonical form: re-encoding gives it back. @note The last
 * character of a base64url string may carry unused bits, and `jose` decodes leniently (`atob`, or
 * `Uint8Array.fromBase64` in its default loose mode), ignoring them: without this check a token
 * whose last signature character was changed to one of three others still verifies
 * (test/regressions/jwt-signature-malleability.test.ts).
 */
function isCanonicalBase64Url(segment: string): boolean {
  try {
    return toBase64Url(decodeBase64Url(segment)) === segment
  } catch {
    return false
  }
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false
  const claims = value as Record<string, unknown>
  return (
    typeof claims['sub'] === 'string' &&
    typeof claims['exp'] === 'number' &&
    typeof claims['iat'] === 'number'
  )
}

/** Signs and verifies tokens with one HMAC secret (base64url), importing the key once. */
export interface TokenSigner {
  sign(claims: TokenClaims): Promise<string>
  verify(token: string, nowSeconds: number): Promise<TokenCheck>
}

export function createTokenSigner(secret: string): TokenSigner {
  let key: Promise<CryptoKey> | undefined
  const getKey = (): Promise<CryptoKey> => {
    key ??= crypto.subtle.importKey(
      'raw',
      decodeBase64Url(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    return key
  }

  return {
    async sign(claims) {
      const { SignJWT } = await loadJose()
      return new SignJWT({ ...claims }).setProtectedHeader(HEADER).sign(await getKey())
    },

    async verify(token, nowSeconds) {
      // Order: shape, then signature (of canonical segments), then expiry.
      if (!looksLikeJwt(token) || !token.split('.').every(isCanonicalBase64Url))
        return { ok: false, reason: 'malformed' }
      const { errors, jwtVerify } = await loadJose()
      let claims: unknown
      let expired = false
      try {
        const verified = await jwtVerify(token, await getKey(), {
          algorithms: [HEADER.alg],
          // Expiry against the mock's clock, not the machine's.
          currentDate: new Date(nowSeconds * 1000),
        })
        claims = verified.payload
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed)
          return { ok: false, reason: 'signature' }
        // jose checks `exp` only once the signature holds, and hands back the claims it read.
        if (!(error instanceof errors.JWTExpired)) return { ok: false, reason: 'malformed' }
        claims = error.payload
        expired = true
      }
      if (!isClaims(claims)) return { ok: false, reason: 'malformed' }
      if (expired) return { ok: false, reason: 'expired' }
      return { ok: true, claims }
    },
  }
}
