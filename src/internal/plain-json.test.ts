import { expect, it } from 'vitest'
import { isPlainJson } from './plain-json.js'

/** `depth` objects nested one in the other. */
const nested = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ inner }), 'end')

it.each([
  [
    'nested objects, lists, text, numbers, booleans and null',
    { voice: { id: 'v1', speed: 1.2 }, tags: ['a', null, true] },
    true,
  ],
  ['an empty object', {}, true],
  ['100 levels of nesting', nested(100), true],
  ['101 levels of nesting', nested(101), false],
  ['a Date', { at: new Date(0) }, false],
  ['NaN', { n: Number.NaN }, false],
  ['a function', { f: () => 1 }, false],
  ['undefined', { u: undefined }, false],
  ['a bigint', { big: 1n }, false],
  ['a Map', new Map(), false],
])('says whether a value with %s is plain JSON', (_, value, plain) => {
  expect(isPlainJson(value, 100)).toBe(plain)
})
