import { describe, expect, it } from 'vitest'
import { decodeBase64Url, encodeBase64Url } from './base64url.js'

describe('base64url', () => {
  it('encodes without padding, with - and _ for + and /', () => {
    expect(encodeBase64Url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_')
    expect(encodeBase64Url(Uint8Array.from([0x66, 0x6f]))).toBe('Zm8')
    expect(encodeBase64Url(new Uint8Array())).toBe('')
  })

  it('decodes what it encodes, for every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect([...decodeBase64Url(encodeBase64Url(bytes))]).toEqual([...bytes])
  })

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(() => decodeBase64Url('ab+c')).toThrow()
    expect(() => decodeBase64Url('ab=')).toThrow()
    expect(() => decodeBase64Url('abcde')).toThrow()
  })
})
