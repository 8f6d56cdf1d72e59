import * as z from 'zod'

/** A record's id: an integer (API keys, users) or text (agents' `"123"`, conversations' `conv_…`). */
export type RecordId = number | string

/**
 * What a collection is: the records of one kind, their id and owner, and how the snapshot writes
 * them. Declared once per kind of record, beside its resource; the store builds a `Collection`
 * from it, and the snapshot format, its validation and `reset()` follow.
 * @example
 * const API_KEYS = defineCollection({ key: 'api_keys', singular: 'api_key', record: ApiKeyRecordSchema, … })
 */
export interface CollectionDefinition<
  R extends object,
  Id extends RecordId = RecordId,
  Key extends string = string,
  Singular extends string = string,
  Counted extends boolean = boolean,
> {
  /** The snapshot's name for the list: `api_keys`. */
  readonly key: Key
  /** The snapshot's name for one record, in its id counter: `next_api_key_id`. */
  readonly singular: Singular
  /** What one record is named in a problem: `API key`. */
  readonly label: string
  /** A stored record, secrets included (what a snapshot holds). */
  readonly record: z.ZodType<R>
  readonly idOf: (record: R) => Id
  /** The user who owns a record, or `undefined` for records nobody owns (a catalog). */
  readonly ownerOf?: ((record: R) => number) | undefined
  /**
   * Whether ids come from a counter (`next_<singular>_id` in the snapshot): integer ids and
   * numeric text ids (`"123"`) do; drawn text ids (`conv_…`) do not.
   */
  readonly counted: Counted
  /** A deep copy of a record, fields in the wire's order. */
  readonly copy: (record: R) => R
  /**
   * One unique value per record besides its id (an API key's secret), by which `findUnique`
   * looks records up; a snapshot with two records sharing it is refused.
   */
  readonly unique?: { readonly field: string; readonly of: (record: R) => string } | undefined
  /** Fields a record of the first snapshot format lacked, and their values then (`@1` snapshots). */
  readonly format1Defaults?: Readonly<Record<string, unknown>> | undefined
}

/** How a collection is declared (`defineCollection`): the fields that say what each record is. */
export interface CollectionOptions<R extends object, Drawn extends boolean = false> {
  /** What one record is named in a problem: `API key`. */
  readonly label: string
  /** The field that owns each record (`user_id`); none for a collection nobody owns. */
  readonly owner?: keyof R & string
  /** The field besides the id whose value no two records share (`key_value`). */
  readonly unique?: keyof R & string
  /** Ids are drawn text (`conv_…`), not counted. Default: counted. */
  readonly drawnIds?: Drawn
  /** A deep copy of a record, fields in the wire's order. */
  readonly copy: (record: R) => R
  /** Fields a record of the first snapshot format lacked, and their values then (`@1` snapshots). */
  readonly format1Defaults?: Readonly<Record<string, unknown>>
}

/**
 * Declares a collection: the records of one kind, under `key` in snapshots and counted by
 * `next_<singular>_id`, each with an `id` field. `store.collection(DEFINITION)` then knows its records.
 * @example
 * const API_KEYS = defineCollection('api_keys', 'api_key', ApiKeyRecordSchema, { label: 'API key', owner: 'user_id', copy })
 */
export function defineCollection<
  const Key extends string,
  const Singular extends string,
  R extends { readonly id: RecordId },
  const Drawn extends boolean = false,
>(
  key: Key,
  singular: Singular,
  record: z.ZodType<R>,
  options: CollectionOptions<R, Drawn>,
): CollectionDefinition<R, R['id'], Key, Singular, Drawn extends true ? false : true> {
  const { owner, unique } = options
  return {
    key,
    singular,
    label: options.label,
    record,
    idOf: (item) => item.id,
    ownerOf: owner === undefined ? undefined : (item) => item[owner] as number,
    counted: (options.drawnIds !== true) as Drawn extends true ? false : true,
    copy: options.copy,
    unique:
      unique === undefined ? undefined : { field: unique, of: (item) => String(item[unique]) },
    format1Defaults: options.format1Defaults,
  }
}

/** The counter's value for a numeric id: `1`, `"123"`; `undefined` for any other text. */
export function toCount(id: RecordId): number | undefined {
  if (typeof id === 'number') return id
  return /^[1-9]\d{0,15}$/.test(id) ? Number(id) : undefined
}

/**
 * The records of one kind: by id, and by owner. Records are held as stored (the collection's own
 * objects); callers that hand a record out copy it first (`definition.copy`), so nobody outside
 * holds a reference into the store. Records are kept in id order: loaded sorted, and a new record
 * always takes the next id. Built after `@msw/data`'s `Collection`.
 */
export class Collection<R extends object, Id extends RecordId = RecordId> {
  readonly definition: CollectionDefinition<R, Id>
  #byId = new Map<Id, R>()
  #byOwner = new Map<number, Set<Id>>()
  #byUnique = new Map<string, Id>()
  #nextId = 1

  constructor(definition: CollectionDefinition<R, Id>) {
    this.definition = definition
  }

  /** How many records there are, across owners. */
  get size(): number {
    return this.#byId.size
  }

  /** The next id the counter gives (not taken until `takeId`). */
  get nextId(): number {
    return this.#nextId
  }

  /** Takes the next id of the counter. */
  takeId(): number {
    return this.#nextId++
  }

  /** A record by id, as stored: never hand it out without `definition.copy`. */
  get(id: Id): R | undefined {
    return this.#byId.get(id)
  }

  /** A record by id if `owner` owns it, as stored; another owner's record is not found. */
  owned(owner: number, id: Id): R | undefined {
    const record = this.#byId.get(id)
    return record !== undefined && this.definition.ownerOf?.(record) === owner ? record : undefined
  }

  /** The record whose unique value (`definition.unique`) this is, as stored. */
  findUnique(value: string): R | undefined {
    const id = this.#byUnique.get(value)
    return id === undefined ? undefined : this.#byId.get(id)
  }

  /** Every record `owner` owns, as stored, in id order. */
  *ownedBy(owner: number): IterableIterator<R> {
    for (const id of this.#byOwner.get(owner) ?? []) yield this.#byId.get(id) as R
  }

  /** How many records `owner` owns. */
  countOwnedBy(owner: number): number {
    return this.#byOwner.get(owner)?.size ?? 0
  }

  /** Every record, as stored, in id order. */
  values(): IterableIterator<R> {
    return this.#byId.values()
  }

  /** Adds a record, or replaces the one with its id (the owner never changes). */
  put(record: R): void {
    const id = this.definition.idOf(record)
    const previous = this.#byId.get(id)
    const unique = this.definition.unique
    if (unique !== undefined) {
      if (previous !== undefined) this.#byUnique.delete(unique.of(previous))
      this.#byUnique.set(unique.of(record), id)
    }
    this.#byId.set(id, record)
    const owner = this.definition.ownerOf?.(record)
    if (owner === undefined) return
    let ids = this.#byOwner.get(owner)
    if (ids === undefined) this.#byOwner.set(owner, (ids = new Set()))
    ids.add(id)
    const count = toCount(id)
    if (this.definition.counted && count !== undefined && count >= this.#nextId)
      this.#nextId = count + 1
  }

  /** Adds a new record and returns a copy of it, to hand out. */
  insert(record: R): R {
    this.put(record)
    return this.definition.copy(record)
  }

  /** Removes a record; returns it, or `undefined` when there was none. */
  delete(id: Id): R | undefined {
    const record = this.#byId.get(id)
    if (record === undefined) return undefined
    this.#byId.delete(id)
    if (this.definition.unique !== undefined)
      this.#byUnique.delete(this.definition.unique.of(record))
    const owner = this.definition.ownerOf?.(record)
    if (owner !== undefined) this.#byOwner.get(owner)?.delete(id)
    return record
  }

  /** Copies of every record, in id order: the snapshot's list. */
  dump(): R[] {
    return [...this.#byId.values()].map(this.definition.copy)
  }

  /** Replaces every record with copies of `records` (sorted by id) and sets the counter. */
  load(records: readonly R[], nextId: number): void {
    this.#byId = new Map()
    this.#byOwner = new Map()
    this.#byUnique = new Map()
    this.#nextId = 1
    for (const record of sortById(records, this.definition.idOf))
      this.put(this.definition.copy(record))
    this.#nextId = Math.max(this.#nextId, nextId)
  }
}

/** Records in id order: numbers and numeric text by value, then other text by code point. */
export function sortById<R>(records: readonly R[], idOf: (record: R) => RecordId): R[] {
  const key = (record: R): [number, string] => {
    const id = idOf(record)
    const count = toCount(id)
    return count === undefined ? [Number.POSITIVE_INFINITY, String(id)] : [count, '']
  }
  return [...records].sort((a, b) => {
    const [x, xs] = key(a)
    const [y, ys] = key(b)
    return x !== y ? x - y : xs < ys ? -1 : xs > ys ? 1 : 0
  })
}

/** A positive integer: an id, or an id counter. */
export const PositiveIdSchema = z.number().int().positive()
