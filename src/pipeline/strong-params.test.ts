import { expect, it } from 'vitest'
import { PERMIT, permitFields, toRubyNumberString, type PermitSpec } from './strong-params.js'

const SPEC = {
  name: PERMIT.string,
  flag: PERMIT.boolean,
  tags: PERMIT.stringArray,
  config: PERMIT.hash,
} as const satisfies PermitSpec

/** The one field `key` after permitting `{ [key]: value }`; `undefined` when it is dropped. */
const permitOne = (key: keyof typeof SPEC, value: unknown) => {
  const permitted = permitFields(SPEC, { [key]: value })
  return Object.hasOwn(permitted, key) ? { value: permitted[key] } : undefined
}

it.each([
  // [value sent as a string field, what the string column stores] — ActiveModel::Type::String.
  ['Production', 'Production'],
  ['', ''],
  ['  ', '  '],
  [5, '5'],
  [-0, '0'],
  [1.5, '1.5'],
  [0.0001, '0.0001'],
  [0.00001, '1.0e-05'],
  [1.5e-7, '1.5e-07'],
  [1e21, '1000000000000000000000'],
  [true, 't'],
  [false, 'f'],
  // null stays nil: the model's presence check then says it is blank.
  [null, null],
])('casts %j into a string column as %j', (value, stored) => {
  expect(permitOne('name', value)).toEqual({ value: stored })
})

it.each([
  // ActiveModel::Type::Boolean: FALSE_VALUES are false, every other value true.
  [false, false],
  [0, false],
  ['0', false],
  ['f', false],
  ['F', false],
  ['false', false],
  ['FALSE', false],
  ['off', false],
  ['OFF', false],
  [true, true],
  [1, true],
  [-1, true],
  ['1', true],
  ['true', true],
  ['no', true],
  ['False', true],
  ['Off', true],
  [' ', true],
  ['anything', true],
])('casts %j into a boolean column as %j', (value, stored) => {
  expect(permitOne('flag', value)).toEqual({ value: stored })
})

it.each([
  // `""` casts to nil and nil counts as absent; non-scalars are unpermitted.
  ['', 'an empty string'],
  [null, 'null'],
  [[true], 'an array'],
  [{ value: true }, 'an object'],
])('leaves a boolean field out when it is %j (%s)', (value, _why) => {
  expect(permitOne('flag', value)).toBeUndefined()
})

it.each([
  [
    ['a', 'b'],
    ['a', 'b'],
  ],
  [[], []],
  [
    [1, 2.5, true, false],
    ['1', '2.5', 't', 'f'],
  ],
  // Rails' deep munge drops null entries before `permit` sees the array.
  [[null], []],
  [
    ['a', null, 'b'],
    ['a', 'b'],
  ],
])('casts the array %j into a string array column as %j', (value, stored) => {
  expect(permitOne('tags', value)).toEqual({ value: stored })
})

it.each([
  ['https://example.com', 'a string where an array is permitted'],
  [5, 'a number'],
  [false, 'false'],
  [null, 'null'],
  [{ 0: 'a', length: 1 }, 'an array-like object'],
  [['a', { b: 1 }], 'an array holding an object'],
  [['a', ['b']], 'an array holding an array'],
])('drops the array field %j (%s)', (value, _why) => {
  expect(permitOne('tags', value)).toBeUndefined()
})

it.each([
  [{ first: 'x' }, 'an object'],
  [['x'], 'an array'],
])('drops a string field sent as %j (%s)', (value, _why) => {
  expect(permitOne('name', value)).toBeUndefined()
})

it('permits any object in a hash field, with its scalars, objects and arrays of them', () => {
  const config = {
    temperature: 0.7,
    model: 'gpt-4',
    nested: { on: true, none: null, deeper: { list: [1, null, 'x', { a: 1 }, ['gone']] } },
  }
  expect(permitOne('config', config)).toEqual({
    value: {
      temperature: 0.7,
      model: 'gpt-4',
      nested: { on: true, none: null, deeper: { list: [1, 'x', { a: 1 }] } },
    },
  })
  expect(permitOne('config', ['x'])).toBeUndefined()
  expect(permitOne('config', 'x')).toBeUndefined()
})

it('keeps a __proto__ key of a hash field a plain key, never a prototype', () => {
  const permitted = permitOne('config', JSON.parse('{"__proto__":{"polluted":"yes"}}'))
  const config = permitted?.value as Record<string, unknown>
  expect(Object.getPrototypeOf(config)).toBe(Object.prototype)
  expect(Object.hasOwn(config, '__proto__')).toBe(true)
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
})

it('keeps only the fields the spec names, in its order', () => {
  expect(
    Object.keys(permitFields(SPEC, { extra: 1, tags: ['a'], name: 'x', id: 7, flag: 'off' })),
  ).toEqual(['name', 'flag', 'tags'])
  expect(
    permitFields(SPEC, JSON.parse('{"__proto__":{"name":"x"}}') as Record<string, unknown>),
  ).toEqual({})
})

it.each([
  [5, '5'],
  [123456789, '123456789'],
  [0.1, '0.1'],
  [-2.5, '-2.5'],
  [0.000123, '0.000123'],
  [0.0000123, '1.23e-05'],
  [-1e-10, '-1.0e-10'],
  [5e-324, '5.0e-324'],
])('writes the number %d as Ruby writes it: %j', (value, written) => {
  expect(toRubyNumberString(value)).toBe(written)
})
