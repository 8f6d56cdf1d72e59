/**
 * base64url without padding (RFC 4648 §5), on `btoa`/`atob`, which Node and browsers both have.
 * Our own rather than `jose`'s, so that nothing loads `jose` before a token is signed or checked.
 */

const BASE64URL = /^[A-Za-z0-9_-]*$/

export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The bytes `text` encodes. Throws on a character outside the base64url alphabet and on a
 * length no encoding has (one character past a multiple of four).
 */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!BASE64URL.test(text)) throw new TypeError('Failed to decode base64url: invalid character')
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}
