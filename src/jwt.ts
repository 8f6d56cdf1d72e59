/**
 * HS256 JSON Web Tokens on WebCrypto (`crypto.subtle`), so the same code runs in Node, the
 * browser worker and the demo server. Only HS256 is accepted: `alg: none` and every other
 * algorithm are rejected before any signature check.
 */

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
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' }

const encoder = new TextEncoder()
const decoder = new TextDecoder()

const HEADER = { alg: 'HS256', typ: 'JWT' } as const

/** A token is three base64url segments joined by dots; API keys never contain a dot. */
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/

export function looksLikeJwt(token: string): boolean {
  return JWT_SHAPE.test(token)
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Decodes a segment only if it is in canonical form. @note The last character of a base64url
 * string may carry unused bits that `atob` ignores; accepting those would let a token whose
 * text was altered still verify.
 */
function fromCanonicalBase64Url(text: string): Uint8Array {
  const bytes = fromBase64Url(text)
  if (toBase64Url(bytes) !== text) throw new TypeError('non-canonical base64url')
  return bytes
}

function encodeJson(value: unknown): string {
  return toBase64Url(encoder.encode(JSON.stringify(value)))
}

function decodeJson(segment: string): unknown {
  return JSON.parse(decoder.decode(fromCanonicalBase64Url(segment)))
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
      fromBase64Url(secret) as Uint8Array<ArrayBuffer>,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    )
    return key
  }

  return {
    async sign(claims) {
      const input = `${encodeJson(HEADER)}.${encodeJson(claims)}`
      const signature = await crypto.subtle.sign('HMAC', await getKey(), encoder.encode(input))
      return `${input}.${toBase64Url(new Uint8Array(signature))}`
    },

    async verify(token, nowSeconds) {
      if (!looksLikeJwt(token)) return { ok: false, reason: 'malformed' }
      const [header, payload, signature] = token.split('.') as [string, string, string]
      let claims: unknown
      try {
        const decodedHeader = decodeJson(header) as Record<string, unknown> | null
        if (decodedHeader?.['alg'] !== 'HS256') return { ok: false, reason: 'malformed' }
        claims = decodeJson(payload)
      } catch {
        return { ok: false, reason: 'malformed' }
      }
      if (!isClaims(claims)) return { ok: false, reason: 'malformed' }
      let valid: boolean
      try {
        valid = await crypto.subtle.verify(
          'HMAC',
          await getKey(),
          fromCanonicalBase64Url(signature) as Uint8Array<ArrayBuffer>,
          encoder.encode(`${header}.${payload}`),
        )
      } catch {
        return { ok: false, reason: 'malformed' }
      }
      if (!valid) return { ok: false, reason: 'signature' }
      if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' }
      return { ok: true, claims }
    },
  }
}
