import { expect, it } from 'vitest'
import { toRecordId } from './record-id.js'

it.each([
  // [raw path id, the record it names] — Ruby's `String#to_i` reads the leading digits.
  ['1', 1],
  ['42', 42],
  ['01', 1],
  ['0001', 1],
  ['1abc', 1],
  ['1e3', 1],
  ['1.5', 1],
  ['1 ', 1],
  ['1,2', 1],
  ["1' OR '1'='1", 1],
  ['1\u0000', 1],
  // An underscore ends the digits (Ruby's `to_i` would read `1_0` as 10).
  ['1_0', 1],
  // The largest safe integer is the last id the fake can name.
  ['9007199254740991', 9_007_199_254_740_991],
  // Leading zeros do not count towards the size.
  [`${'0'.repeat(40)}7`, 7],
])('casts %j to the id %d', (raw, id) => {
  expect(toRecordId(raw)).toBe(id)
})

it.each([
  ['', 'empty'],
  ['0', 'zero: no record has it'],
  ['00', 'zero'],
  ['0x1', 'hex: its leading digit is 0'],
  ['-1', 'negative: `-` is not a digit here'],
  // Ruby's `to_i` would also skip leading whitespace and a `+`; the fake
  // keeps to leading ASCII digits, the rule of issue 14, and says so in the fidelity table.
  ['+1', 'a sign is not a digit'],
  [' 1', 'leading whitespace'],
  ['abc', 'no digits'],
  ['\uff11', 'a fullwidth digit is not ASCII'],
  ['\u0661', 'an Arabic-Indic digit is not ASCII'],
  ['9007199254740992', '2^53: beyond the safe integers'],
  ['99999999999999999999', 'huge'],
  ['1'.repeat(5000), 'very long'],
])('casts %j to no id (%s)', (raw) => {
  expect(toRecordId(raw)).toBeUndefined()
})

it('casts a missing parameter to no id', () => {
  expect(toRecordId(undefined)).toBeUndefined()
})
