import { expect, it } from 'vitest'
import { createSeededRandom } from './seeded-random.js'

it('repeats its sequence for a seed and stays within [0, 1)', () => {
  const a = createSeededRandom(42)
  const b = createSeededRandom(42)
  const draws = Array.from({ length: 1000 }, () => a())
  expect(Array.from({ length: 1000 }, () => b())).toEqual(draws)
  expect(draws.every((value) => value >= 0 && value < 1)).toBe(true)
  expect(new Set(draws).size).toBeGreaterThan(990)
})

it('gives different sequences for different seeds', () => {
  expect(createSeededRandom(1)()).not.toBe(createSeededRandom(2)())
})
