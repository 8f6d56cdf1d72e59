import { expect, it } from 'vitest'
import { utf8ByteLength } from './utf8.js'

it.each([
  [''],
  ['{"status":{"code":200}}'],
  ['café'],
  ['日本語'],
  ['😀 emoji'],
  ['lone \ud800 high'],
  ['lone \udc00 low'],
  ['trailing high \ud83d'],
  ['\u07ff\u0800\uffff'],
])('counts the UTF-8 bytes of %j as TextEncoder writes them', (text) => {
  expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).byteLength)
})
