/**
 * The in-memory store: an instance, never a singleton. It holds one `Collection` per kind of
 * record and each resource's state, and composes every resource's methods (`resources/index.ts`)
 * into one object: `mock.store`. Every method is scoped to one owner and returns fresh copies;
 * nobody holds a reference into the store's internals.
 */
import type { UnionToIntersection } from '../internal/types.js'
import { DEFAULT_SEED } from '../defaults.js'
import { toTimestamp } from '../internal/time.js'
import { DEFAULT_TOKEN_TTL_SECONDS } from '../resources/accounts/defaults.js'
import { RESOURCES } from '../resources/index.js'
import { Collection, type CollectionDefinition, type RecordId } from './collection.js'
import type { StateCell, StateField, StoreContext, StoreSettings } from './context.js'
import type { Faker } from './random.js'
import type { Scenario } from './scenario-names.js'
import { buildScenario, streamFaker } from './seed.js'
import { parseSnapshot, SNAPSHOT_PARTS, writeSnapshot, type Snapshot } from './snapshot.js'

export interface StoreOptions {
  /** Seed of every generated value (data, secrets of created keys). Default `DEFAULT_SEED`. */
  seed?: number | undefined
  /** Named starting state. Default `'documented'`. Ignored when `snapshot` is given. */
  scenario?: Scenario | undefined
  /** Start from (and `reset()` to) this snapshot instead of a scenario. Validated on load. */
  snapshot?: unknown
  /** The clock for `created_at`, `updated_at` and token times. Default: the real time. */
  now?: (() => Date) | undefined
  /** Makes the secret of a newly created key. Default: `sk_live_`/`pk_live_` + 24 random characters (WebCrypto, not seeded). */
  generateKeyValue?: ((keyType: 'private' | 'public') => string) | undefined
  /** Lifetime of tokens from `issueToken`. Default `DEFAULT_TOKEN_TTL_SECONDS`. */
  tokenTtlSeconds?: number | undefined
  /**
   * Makes the `jti` (token id) of each issued JWT, the id sign-out revokes. Default: a random
   * UUID (WebCrypto, not seeded, so a token issued after a reset never shares a revoked id).
   */
  generateTokenId?: (() => string) | undefined
}

type Resource = (typeof RESOURCES)[number]

/** The methods every resource adds to the store (`createUser`, `listApiKeys`, `getAgent`, …). */
export type ResourceMethods = UnionToIntersection<ReturnType<Resource['store']>>

/** The store's own methods: snapshots, reset and scenarios. */
export interface StoreLifecycle {
  /** The whole store as plain JSON (secrets included). */
  snapshot(): Snapshot
  /** Replaces the whole store with a snapshot, validated first; throws `SnapshotError` naming bad fields. */
  restore(snapshot: unknown): void
  /**
   * Back to the starting state given at creation: its scenario's seeded data, or its snapshot,
   * deep-equal, whatever `useScenario` or `restore` did since.
   */
  reset(): void
  /** Switches the current data to another scenario's; `reset()` still returns to the starting state. */
  useScenario(scenario: Scenario): void
  /** The scenario of the current data, or `undefined` when it came from the starting snapshot. */
  readonly scenario: Scenario | undefined
}

/**
 * The in-memory store: every resource's methods, and its lifecycle. A change with a bad argument
 * through `mock.store` throws a `TypeError` naming it and changes nothing (`store-calls.ts`).
 */
export type VoiceableStore = ResourceMethods & StoreLifecycle

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each collection has its own record type
type AnyCollection = Collection<any, RecordId>

/**
 * Read access to a store's records by collection, for what must see them whole and never through
 * `mock.store`: the core's reasons (whose record a 404 was) and the demo server's inspector.
 * Never write through it: the store's methods keep the indexes and the rules.
 */
export interface StoreRecords {
  collection<R extends object, Id extends RecordId>(
    definition: CollectionDefinition<R, Id>,
  ): Collection<R, Id>
  /** Who owns a record: a user id, `null` for a record nobody owns, `undefined` for none. */
  ownerOf<R extends object, Id extends RecordId>(
    definition: CollectionDefinition<R, Id>,
    id: RecordId,
  ): number | null | undefined
}

/** Each store's records, kept beside it (not a property: `mock.store` stays methods only). */
const RECORDS = new WeakMap<object, StoreRecords>()

/** The records of a store made by `createStore`. */
export function recordsOf(store: VoiceableStore): StoreRecords {
  const records = RECORDS.get(store)
  if (records === undefined) throw new Error('Failed to read records: not a store of createStore')
  return records
}

/** The collections and state of a store, and how they are loaded and written as a snapshot. */
function createData() {
  const collections = new Map<string, AnyCollection>()
  for (const definition of SNAPSHOT_PARTS.collections)
    collections.set(definition.key, new Collection(definition))
  const state = new Map<string, unknown>()
  return {
    collection<R extends object, Id extends RecordId>(
      definition: CollectionDefinition<R, Id>,
    ): Collection<R, Id> {
      const found = collections.get(definition.key)
      if (found === undefined)
        throw new Error(`Failed to find collection ${definition.key}: no resource declares it`)
      return found as Collection<R, Id>
    },
    state<T>(field: StateField<T>): StateCell<T> {
      return {
        get: () => state.get(field.key) as T,
        set: (value) => state.set(field.key, value),
      }
    },
    /** Loads a valid snapshot (records copied; state read back through its schema). */
    load(snapshot: Snapshot): void {
      const fields = snapshot as unknown as Record<string, unknown>
      for (const definition of SNAPSHOT_PARTS.collections) {
        const counter = fields[`next_${definition.singular}_id`]
        collections
          .get(definition.key)
          ?.load(fields[definition.key] as object[], typeof counter === 'number' ? counter : 1)
      }
      for (const field of SNAPSHOT_PARTS.state)
        state.set(field.key, field.schema.parse(fields[field.key]))
    },
    dump(): Snapshot {
      return writeSnapshot({
        records: (definition) => collections.get(definition.key)?.dump(),
        counter: (definition) => collections.get(definition.key)?.nextId,
        state: (field) => ({ value: state.get(field.key) }),
      })
    },
  }
}

/**
 * Creates a store.
 * @example
 * const store = createStore({ seed: 42, scenario: 'empty' })
 * const { id, apiKey } = store.createUser({ email: 'ada@example.com' })
 */
export function createStore(options: StoreOptions = {}): VoiceableStore {
  const settings: StoreSettings = {
    seed: options.seed ?? DEFAULT_SEED,
    now: options.now ?? (() => new Date()),
    generateKeyValue: options.generateKeyValue,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    generateTokenId: options.generateTokenId,
  }
  // @note The starting state never changes after creation: `reset()` always returns to it.
  const startingSnapshot =
    options.snapshot === undefined ? undefined : parseSnapshot(options.snapshot)
  const startingScenario: Scenario = options.scenario ?? 'documented'
  // Seeding reads the clock as it was at creation (the documented agent's recent calls are
  // dated from it), so a scenario's data is the same whenever `reset()` rebuilds it.
  const seededAt = settings.now()
  /** The scenario the current data was built from; `undefined` for the starting snapshot's. */
  let scenario: Scenario | undefined
  const data = createData()
  let fakers = new Map<number | undefined, Faker>()
  const resetListeners: (() => void)[] = []
  const store = {} as VoiceableStore

  const context: StoreContext = {
    settings,
    stamp(floor) {
      const time = toTimestamp(settings.now())
      return floor !== undefined && time < floor ? floor : time
    },
    faker(stream) {
      let faker = fakers.get(stream)
      if (faker === undefined) fakers.set(stream, (faker = streamFaker(settings.seed, stream)))
      return faker
    },
    collection: (definition) => data.collection(definition),
    state: (field) => data.state(field),
    store,
    onReset: (listener) => resetListeners.push(listener),
  }

  /** Loads a scenario's data, or the starting snapshot, drawing afresh from the seed. */
  function start(next: Scenario | undefined): void {
    fakers = new Map()
    scenario = next
    data.load(
      next === undefined && startingSnapshot !== undefined
        ? startingSnapshot
        : buildScenario(
            next ?? startingScenario,
            settings.seed,
            (stream) => context.faker(stream),
            () => seededAt,
          ),
    )
    for (const listener of resetListeners) listener()
  }

  function reset(): void {
    start(startingSnapshot === undefined ? startingScenario : undefined)
  }

  const lifecycle: StoreLifecycle = {
    snapshot: () => data.dump(),
    restore(snapshot) {
      data.load(parseSnapshot(snapshot))
    },
    reset,
    useScenario: start,
    get scenario() {
      return scenario
    },
  }
  for (const resource of RESOURCES)
    Object.defineProperties(store, Object.getOwnPropertyDescriptors(resource.store(context)))
  Object.defineProperties(store, Object.getOwnPropertyDescriptors(lifecycle))
  RECORDS.set(store, {
    collection: (definition) => data.collection(definition),
    ownerOf(definition, id) {
      // @note Any id may be asked (the raw text of a path that cast to none): it is only looked up.
      const record = data.collection(definition).get(id as never)
      return record === undefined ? undefined : (definition.ownerOf?.(record) ?? null)
    },
  })
  reset()
  return store
}
