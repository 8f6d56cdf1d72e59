import type { Faker, SimpleFaker } from '@faker-js/faker'
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

/** Faker's `SimpleFaker` (numbers, strings, dates, helpers; no locale), the base class of `Faker`. */
const SimpleFakerClass = (Object.getPrototypeOf(FakerClass.prototype) as { constructor: unknown })
  .constructor as new () => SimpleFaker

/**
 * A seeded `SimpleFaker`: for a stream that draws only numbers, strings, dates and helpers. Its
 * draws equal a `createFaker` of the same seed's (one generator, one `number` module), and it is
 * built without the thirty locale modules a `Faker` makes, which start-up pays for.
 */
export function createSimpleFaker(seed: number | readonly number[]): SimpleFaker {
  const faker = new SimpleFakerClass()
  faker.seed(typeof seed === 'number' ? seed : [...seed])
  return faker
}

export type { Faker }
