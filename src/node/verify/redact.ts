/**
 * Secrets out of everything `verify` prints or writes: the API key it was given, every secret a
 * backend answered with (`key_value`, `token`), and anything shaped like a key or a JWT.
 */
import { maskSecret } from '../../toolkit/journal.js'

/** API-key secrets as the fake and the docs write them: `sk_live_…`, `pk_test_…`. */
const KEY_SHAPE = /\b[a-z]{2}_(?:live|test)_[A-Za-z0-9]{4,}/g

/** A JWT: three base64url segments, the first a JSON header (`eyJ`). */
const JWT_SHAPE = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g

/** Fields of a response body whose string values are secrets. */
const SECRET_FIELDS = new Set(['key_value', 'token', 'access_token', 'refresh_token', 'jwt'])

/** Shortest secret masked by value: a shorter one would mask ordinary words. */
const MIN_SECRET_LENGTH = 6

/** Collects secrets and masks them in text. */
export class Redactor {
  readonly #secrets = new Set<string>()

  constructor(secrets: readonly string[] = []) {
    for (const secret of secrets) this.add(secret)
  }

  /** A secret to mask wherever it appears from now on. */
  add(secret: string): void {
    if (secret.trim().length >= MIN_SECRET_LENGTH) this.#secrets.add(secret)
  }

  /** Adds every secret a parsed response body holds (`key_value`, `token`, at any depth). */
  collect(body: unknown, depth = 0): void {
    if (typeof body !== 'object' || body === null || depth > 32) return
    for (const [name, value] of Object.entries(body)) {
      if (typeof value === 'string' && SECRET_FIELDS.has(name)) this.add(value)
      else this.collect(value, depth + 1)
    }
  }

  /** The text with every known secret, and anything shaped like a key or a JWT, masked. */
  redact(text: string): string {
    let result = text
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length))
      result = result.replaceAll(secret, maskSecret(secret))
    return result.replace(KEY_SHAPE, (found) => maskSecret(found)).replace(JWT_SHAPE, '********')
  }
}

/** A URL as shown: without a user name or password in it. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.href.replace(/\/$/, '')
  } catch {
    return '(an invalid URL)'
  }
}
