/**
 * What a resource's store methods and seed see of the store: its collections, its state, the
 * clock and the seeded fakers. Resources are written against these interfaces, and the store
 * (`store.ts`) and the scenario builder (`seed.ts`) implement them.
 */
import type * as z from 'zod'
import type { Collection, CollectionDefinition, RecordId } from './collection.js'
import type { Faker } from './random.js'
import type { Scenario } from './scenario-names.js'

/**
 * A piece of a resource's state that is not a collection of records (the JWT signing secret, the
 * revoked token ids): one field of the snapshot, parsed from JSON by `schema` and written back as
 * JSON by `toJson`.
 */
export interface StateField<T, Key extends string = string, Json = unknown> {
  /** Its snapshot field: `token_secret`. */
  readonly key: Key
  /** Reads the field from a snapshot: the JSON value in, the value the store keeps out. */
  readonly schema: z.ZodType<T, unknown>
  /** The field as a snapshot writes it (a copy). */
  readonly toJson: (value: T) => Json
  /**
   * Its value when a snapshot lacks the field (one written before the field existed); without
   * it, the field is required.
   */
  readonly missing?: (() => T) | undefined
}

/** Declares a state field, typed, so that `context.state(FIELD)` knows its value. */
export function defineState<T, const Key extends string, Json>(
  field: StateField<T, Key, Json>,
): StateField<T, Key, Json> {
  return field
}

/** Reads and writes one state field. */
export interface StateCell<T> {
  get(): T
  set(value: T): void
}

/** The store's options, as `createVoiceableMock` takes them (`options.ts` checks them). */
export interface StoreSettings {
  readonly seed: number
  /** The clock of every timestamp the store writes. */
  readonly now: () => Date
  readonly generateKeyValue: ((keyType: 'private' | 'public') => string) | undefined
  readonly tokenTtlSeconds: number
  readonly generateTokenId: (() => string) | undefined
}

/** What a resource's store methods are built with (`ResourceDefinition.store`). */
export interface StoreContext {
  readonly settings: StoreSettings
  /** A timestamp for a write: the clock, but never before `floor`, so `updated_at` never goes back. */
  stamp(floor?: string): string
  /**
   * The seeded Faker of a stream: the main one (users and keys) when none is named. A new one
   * after every `reset()`, so read it at each use.
   */
  faker(stream?: number): Faker
  collection<R extends object, Id extends RecordId>(
    definition: CollectionDefinition<R, Id>,
  ): Collection<R, Id>
  state<T>(field: StateField<T>): StateCell<T>
  /**
   * The whole store, for a method that calls another resource's (`createUser` creates the user's
   * first key): read it at each use, typed as that resource's store (`as ApiKeysStore`).
   */
  readonly store: unknown
  /** Runs `listener` on every `reset()` (and scenario switch), after the data is loaded. */
  onReset(listener: () => void): void
}

/** What a resource's seed sees while a scenario's starting state is built (`ResourceDefinition.seed`). */
export interface Seeder {
  readonly scenario: Scenario
  readonly seed: number
  /** The store's clock: for the few records a screen looks for in the last days (recent calls). */
  readonly now: () => Date
  /** The Faker of a stream for this build: the main one (users and keys) when none is named. */
  faker(stream?: number): Faker
  /** The records added so far, in order; the list itself, so a later seed may adjust them. */
  records<R extends object>(definition: CollectionDefinition<R, RecordId>): R[]
  add<R extends object>(definition: CollectionDefinition<R, RecordId>, record: R): void
  /** Takes the next id of a counted collection's counter. */
  takeId<R extends object>(definition: CollectionDefinition<R, RecordId>): number
  setState<T>(field: StateField<T>, value: T): void
}
