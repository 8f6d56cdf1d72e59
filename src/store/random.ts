import type { Faker } from '@faker-js/faker'
// @note Only the English locale is loaded: the root `@faker-js/faker` entry would pull every
// locale into start-up time and into browser bundles.
import { faker as englishFaker } from '@faker-js/faker/locale/en'

const FakerClass = englishFaker.constructor as new (options: {
  locale: Faker['rawDefinitions']
}) => Faker

/**
 * A private, seeded Faker instance with a fixed reference date, so generated data is the same
 * on every run and machine. The user's global `faker` is never touched. An array seed gives a
 * stream of its own (`[seed, STREAMS.agents]`), independent of `seed`'s.
 */
export function createFaker(seed: number | readonly number[], refDate: string | Date): Faker {
  const faker = new FakerClass({ locale: englishFaker.rawDefinitions })
  faker.seed(typeof seed === 'number' ? seed : [...seed])
  faker.setDefaultRefDate(refDate)
  return faker
}

export type { Faker }
