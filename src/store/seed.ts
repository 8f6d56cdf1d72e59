/**
 * A scenario's starting state, as a snapshot: every resource adds its records in seeding order
 * (`SEED_ORDER`: users first), drawing from seeded streams, so the same seed gives the same data.
 */
import { DEFAULT_REF_DATE } from '../defaults.js'
import { SEED_ORDER } from '../resources/index.js'
import { toCount, type CollectionDefinition, type RecordId } from './collection.js'
import type { Seeder } from './context.js'
import { createFaker, type Faker } from './random.js'
import type { Scenario } from './scenario-names.js'
import { writeSnapshot, type Snapshot } from './snapshot.js'

/** The Faker of a stream: the main one (`seed`, users and keys), or `[seed, stream]`. */
export function streamFaker(seed: number, stream: number | undefined): Faker {
  return createFaker(stream === undefined ? seed : [seed, stream], DEFAULT_REF_DATE)
}

/**
 * Builds a scenario's starting state from every resource's seed, drawing from `faker(stream)`.
 * @note The store passes its own fakers, and keeps drawing from them afterwards: a user created
 * after the start continues the seeded sequence, as it always has.
 */
export function buildScenario(
  scenario: Scenario,
  seed: number,
  faker: (stream?: number) => Faker,
  now: () => Date,
): Snapshot {
  const records = new Map<string, object[]>()
  const counters = new Map<string, number>()
  const state = new Map<string, unknown>()
  const listOf = <R extends object>(definition: CollectionDefinition<R, RecordId>): R[] => {
    let list = records.get(definition.key)
    if (list === undefined) records.set(definition.key, (list = []))
    return list as R[]
  }
  const seeder: Seeder = {
    scenario,
    seed,
    now,
    faker,
    records: (definition) => listOf(definition),
    add(definition, record) {
      listOf(definition).push(record)
      const count = definition.counted ? toCount(definition.idOf(record)) : undefined
      if (count !== undefined)
        counters.set(definition.key, Math.max(counters.get(definition.key) ?? 1, count + 1))
    },
    takeId(definition) {
      const id = counters.get(definition.key) ?? 1
      counters.set(definition.key, id + 1)
      return id
    },
    setState(field, value) {
      state.set(field.key, value)
    },
  }
  for (const resource of SEED_ORDER) resource.seed(seeder)

  return writeSnapshot({
    records: (collection) => records.get(collection.key),
    counter: (collection) => counters.get(collection.key),
    state: (field) => (state.has(field.key) ? { value: state.get(field.key) } : undefined),
  })
}
