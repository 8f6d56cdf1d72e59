import { expect, it } from 'vitest'
import { describeValue } from './describe-value.js'

it.each([
  ['nope', "'nope'"],
  ["it's", "'it\\'s'"],
  ['say "hi"\n', `'say "hi"\\n'`],
  ['x'.repeat(61), `'${'x'.repeat(60)}…'`],
  [-5, '-5'],
  [Number.NaN, 'NaN'],
  [10n, '10n'],
  [true, 'true'],
  [undefined, 'undefined'],
  [null, 'null'],
  [Symbol('s'), 'Symbol(s)'],
  [() => 1, 'a function'],
  [[], '[]'],
  [['a', 3, [1], { b: 1 }, 5], "['a', 3, […], {…}, …]"],
  [{}, '{}'],
  [{ max: 5, at: new Date(0) }, '{ max: 5, at: a Date }'],
  [{ a: 1, b: 2, c: 3, d: 4, e: 5 }, '{ a: 1, b: 2, c: 3, d: 4, … }'],
  [new Error('x'), 'an Error'],
  [Object.create(null) as object, '{}'],
])('describes %s as %s', (value, text) => {
  expect(describeValue(value)).toBe(text)
})
