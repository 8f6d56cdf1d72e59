import { expect, it } from 'vitest'
import { createTokenSigner, looksLikeJwt, toBase64Url } from './jwt.js'

const SECRET = toBase64Url(new Uint8Array(32).fill(7))
const claims = { sub: '1', scp: 'user' as const, iat: 1000, exp: 2000, jti: 'id-1' }

it('verifies a token it signed until it expires', async () => {
  const signer = createTokenSigner(SECRET)
  const token = await signer.sign(claims)
  expect(looksLikeJwt(token)).toBe(true)
  expect(await signer.verify(token, 1999)).toEqual({ ok: true, claims })
  expect(await signer.verify(token, 2000)).toEqual({ ok: false, reason: 'expired' })
})

it('rejects a token signed with another secret', async () => {
  const token = await createTokenSigner(toBase64Url(new Uint8Array(32).fill(8))).sign(claims)
  expect(await createTokenSigner(SECRET).verify(token, 1500)).toEqual({
    ok: false,
    reason: 'signature',
  })
})

it('rejects a token whose claims were changed after signing', async () => {
  const signer = createTokenSigner(SECRET)
  const [header, , signature] = (await signer.sign(claims)).split('.')
  const forged = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, sub: '2' })))
  expect(await signer.verify(`${header}.${forged}.${signature}`, 1500)).toEqual({
    ok: false,
    reason: 'signature',
  })
})

it('rejects alg none and other algorithms before checking a signature', async () => {
  const signer = createTokenSigner(SECRET)
  const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)))
  for (const alg of ['none', 'HS512', 'RS256']) {
    const token = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}.${encode('x')}`
    expect(await signer.verify(token, 1500), alg).toEqual({ ok: false, reason: 'malformed' })
  }
})

it.each(['', 'a.b', 'a.b.c.d', '!!.??.##', 'e30.e30.e30'])(
  'rejects malformed token %j',
  async (token) => {
    expect(await createTokenSigner(SECRET).verify(token, 1500)).toMatchObject({ ok: false })
  },
)

// Where jose's behaviour differs from, or goes beyond, the hand-written HS256 it replaced.
const encoder = new TextEncoder()
const encodeText = (text: string) => toBase64Url(encoder.encode(text))
const encodeJson = (value: unknown) => encodeText(JSON.stringify(value))

/** Signs `header.payload` as given (any text), with HMAC over `hash`, keyed by SECRET. */
async function signRaw(header: string, payload: string, hash = 'SHA-256'): Promise<string> {
  const secret = Uint8Array.from(atob(SECRET.replaceAll('-', '+').replaceAll('_', '/')), (c) =>
    c.charCodeAt(0),
  )
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash }, false, ['sign'])
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(`${header}.${payload}`))
  return `${header}.${payload}.${toBase64Url(new Uint8Array(signature))}`
}

/** Changes the last character of a segment to one that decodes to the same bytes. */
function nonCanonical(segment: string): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const spareBits = segment.length % 4 === 2 ? 4 : 2
  const index = ALPHABET.indexOf(segment.at(-1) as string)
  expect(index % (1 << spareBits), 'a canonical last character has its spare bits clear').toBe(0)
  return segment.slice(0, -1) + ALPHABET[index + 1]
}

const HS256 = encodeJson({ alg: 'HS256', typ: 'JWT' })

it('signs the same bytes as the hand-written implementation did', async () => {
  // Signed by the code this replaced; golden data and snapshots hold tokens like it.
  expect(await createTokenSigner(SECRET).sign(claims)).toBe(
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwic2NwIjoidXNlciIsImlhdCI6MTAwMCwiZXhwIjoyMDAwLCJqdGkiOiJpZC0xIn0.UDzWsLq3dfB5eMt27ACtmNgk7_ichp5r2OnrHtvmAb4',
  )
})

it('accepts a token signed by hand with the same secret', async () => {
  expect(
    await createTokenSigner(SECRET).verify(await signRaw(HS256, encodeJson(claims)), 1500),
  ).toEqual({ ok: true, claims })
})

it('checks expiry against the given clock, not the machine clock', async () => {
  const signer = createTokenSigner(SECRET)
  const future = { ...claims, iat: 4_000_000_000, exp: 4_000_086_400 }
  const token = await signer.sign(future)
  expect(await signer.verify(token, 4_000_086_399)).toEqual({ ok: true, claims: future })
  expect(await signer.verify(token, 4_000_086_400)).toEqual({ ok: false, reason: 'expired' })
})

it('checks the signature before expiry, and the claims before saying expired', async () => {
  const other = createTokenSigner(toBase64Url(new Uint8Array(32).fill(8)))
  expect(await createTokenSigner(SECRET).verify(await other.sign(claims), 5000)).toEqual({
    ok: false,
    reason: 'signature',
  })
  const subNumber = await signRaw(HS256, encodeJson({ ...claims, sub: 1 }))
  expect(await createTokenSigner(SECRET).verify(subNumber, 5000)).toEqual({
    ok: false,
    reason: 'malformed',
  })
  expect(await createTokenSigner(SECRET).verify(subNumber, 1500)).toEqual({
    ok: false,
    reason: 'malformed',
  })
})

it('rejects alg none with an empty signature, and HS512 signed with the right secret', async () => {
  const signer = createTokenSigner(SECRET)
  expect(
    await signer.verify(`${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(claims)}.`, 1500),
  ).toEqual({ ok: false, reason: 'malformed' })
  const hs512 = await signRaw(
    encodeJson({ alg: 'HS512', typ: 'JWT' }),
    encodeJson(claims),
    'SHA-512',
  )
  expect(await signer.verify(hs512, 1500)).toEqual({ ok: false, reason: 'malformed' })
})

it.each([
  [
    'a crit header naming an unknown extension',
    { alg: 'HS256', typ: 'JWT', crit: ['exp'], exp: 1 },
  ],
  ['an unencoded payload (b64: false)', { alg: 'HS256', typ: 'JWT', crit: ['b64'], b64: false }],
  ['a header without alg', { typ: 'JWT' }],
])('rejects a correctly signed token with %s', async (_, header) => {
  expect(
    await createTokenSigner(SECRET).verify(
      await signRaw(encodeJson(header), encodeJson(claims)),
      1500,
    ),
  ).toEqual({ ok: false, reason: 'malformed' })
})

it.each([
  ['is not JSON', encodeText('not json')],
  ['is a JSON array', encodeJson([claims])],
  ['is a JSON string', encodeJson('claims')],
  ['is not UTF-8', toBase64Url(new Uint8Array([0x7b, 0xff, 0x7d]))],
  ['has no exp', encodeJson({ ...claims, exp: undefined })],
  ['has a string exp', encodeJson({ ...claims, exp: '2000' })],
  ['is not valid yet (nbf)', encodeJson({ ...claims, nbf: 1600 })],
])('rejects a correctly signed token whose payload %s', async (_, payload) => {
  expect(await createTokenSigner(SECRET).verify(await signRaw(HS256, payload), 1500)).toEqual({
    ok: false,
    reason: 'malformed',
  })
})

it('rejects a token whose last signature character was changed to one with the same bytes', async () => {
  const signer = createTokenSigner(SECRET)
  const token = await signer.sign(claims)
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const index = ALPHABET.indexOf(signature.at(-1) as string)
  // 32 bytes are 43 characters: the last carries 2 spare bits, so 3 other characters decode alike.
  expect([signature.length, index % 4]).toEqual([43, 0])
  for (const char of ALPHABET.slice(index + 1, index + 4)) {
    expect(
      await signer.verify(`${header}.${payload}.${signature.slice(0, -1)}${char}`, 1500),
      char,
    ).toEqual({ ok: false, reason: 'malformed' })
  }
})

it('rejects a correctly signed token whose payload or header segment is not canonical', async () => {
  // Signed over the non-canonical text, so the signature holds and only the canonical check refuses it.
  const payload = encodeJson(claims)
  expect(payload.length % 4).not.toBe(0)
  const signer = createTokenSigner(SECRET)
  expect(await signer.verify(await signRaw(HS256, nonCanonical(payload)), 1500)).toEqual({
    ok: false,
    reason: 'malformed',
  })
  const header = encodeJson({ alg: 'HS256', typ: 'JWT', kid: '1' })
  expect(header.length % 4).not.toBe(0)
  expect(await signer.verify(await signRaw(header, payload), 1500)).toEqual({ ok: true, claims })
  expect(await signer.verify(await signRaw(nonCanonical(header), payload), 1500)).toEqual({
    ok: false,
    reason: 'malformed',
  })
})
