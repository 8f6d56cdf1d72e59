import type { Faker } from '@faker-js/faker'
// @note Only faker's `base` locale (no words, no names) is loaded, under the project's own small
// locale: the root `@faker-js/faker` entry would load every locale at start-up, and `en` alone
// is most of the browser bundle.
import { faker as baseFaker } from '@faker-js/faker/locale/base'
import { VOICEABLE_LOCALE } from './locale/definitions.js'

const FakerClass = baseFaker.constructor as new (options: {
  locale: Faker['rawDefinitions'][]
}) => Faker

/**
 * A private, seeded Faker instance with a fixed reference date, so generated data is the same
 * on every run and machine. THE one place a Faker is built: every factory draws from one of
 * these, on the project's locale over faker's `base`. The user's global `faker` is never
 * touched. An array seed gives a stream of its own (`[seed, STREAMS.agents]`), independent of
 * `seed`'s.
 */
export function createFaker(seed: number | readonly number[], refDate: string | Date): Faker {
  const faker = new FakerClass({ locale: [VOICEABLE_LOCALE, baseFaker.rawDefinitions] })
  faker.seed(typeof seed === 'number' ? seed : [...seed])
  faker.setDefaultRefDate(refDate)
  return faker
}

export type { Faker }
