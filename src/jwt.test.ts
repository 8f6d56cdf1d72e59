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
  expect(await createTokenSigner(SECRET).verify(token, 1500)).toEqual({ ok: false, reason: 'signature' })
})

it('rejects a token whose claims were changed after signing', async () => {
  const signer = createTokenSigner(SECRET)
  const [header, , signature] = (await signer.sign(claims)).split('.')
  const forged = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...claims, sub: '2' })))
  expect(await signer.verify(`${header}.${forged}.${signature}`, 1500)).toEqual({ ok: false, reason: 'signature' })
})

it('rejects alg none and other algorithms before checking a signature', async () => {
  const signer = createTokenSigner(SECRET)
  const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)))
  for (const alg of ['none', 'HS512', 'RS256']) {
    const token = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}.${encode('x')}`
    expect(await signer.verify(token, 1500), alg).toEqual({ ok: false, reason: 'malformed' })
  }
})

it.each(['', 'a.b', 'a.b.c.d', '!!.??.##', 'e30.e30.e30'])('rejects malformed token %j', async (token) => {
  expect(await createTokenSigner(SECRET).verify(token, 1500)).toMatchObject({ ok: false })
})
