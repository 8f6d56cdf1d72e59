import { expect, it } from 'vitest'
import * as z from 'zod'
import { checkInput, numberWhere, parseInput, strictShape } from './input-validation.js'

const Count = numberWhere((value) => Number.isInteger(value) && value > 0, 'must be a count')

it('names the input itself for a problem with the whole of it', () => {
  expect(parseInput(Count, 'x', 'count')).toEqual({
    ok: false,
    problems: ["count must be a count, got 'x'"],
  })
})

it('throws a TypeError with the failure, then every problem', () => {
  const Pair = strictShape({ a: Count, b: Count }, 'field')
  expect(() => checkInput(Pair, { a: 0, b: 'x' }, 'Failed to pair', 'pair')).toThrow(
    new TypeError("Failed to pair: a must be a count, got 0; b must be a count, got 'x'"),
  )
})

it('names an unknown key with its path and lists the known ones, sorted', () => {
  const Options = strictShape({ outer: strictShape({ z: Count, a: Count }, 'option') }, 'option')
  expect(parseInput(Options, { outer: { a: 1, z: 1, y: 1 } }, 'options')).toEqual({
    ok: false,
    problems: ["unknown option 'outer.y'; the options of outer are a, z"],
  })
})

it('words a Rails full message with the field name, at the field', () => {
  const Fields = z.object({
    allowed_origins: z.array(z.string({ error: 'Allowed origins must be an array of strings' })),
  })
  expect(parseInput(Fields, { allowed_origins: ['a', 5] }, 'fields')).toEqual({
    ok: false,
    problems: ["allowed_origins must be an array of strings, got ['a', 5]"],
  })
})

it('reports the one union branch that failed inside the input', () => {
  const Limit = z.union([z.literal(false), strictShape({ max: Count }, 'option')], {
    error: 'must be false or a limit',
  })
  expect(parseInput(Limit, { max: Number.NaN }, 'limit')).toMatchObject({
    problems: ['max must be a count, got NaN'],
  })
  expect(parseInput(Limit, true, 'limit')).toMatchObject({
    problems: ['limit must be false or a limit, got true'],
  })
})

it('never repeats a password, only its length', () => {
  const Login = z.object({ password: z.string().min(6, { error: 'must be 6 characters long' }) })
  expect(parseInput(Login, { password: 'hunter' }, 'login').ok).toBe(true)
  expect(parseInput(Login, { password: 'abc' }, 'login')).toEqual({
    ok: false,
    problems: ['password must be 6 characters long, got a string of 3 characters'],
  })
})
