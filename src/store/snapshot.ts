/**
 * The snapshot format: the whole store as plain JSON, built from the resource list. For each
 * collection, its id counter (`next_api_key_id`) and its records (`api_keys`, secrets included, so
 * a restored store still authenticates); each resource's state beside (`token_secret`,
 * `revoked_token_ids`). The demo server's `--data` file uses the same format.
 *
 * A snapshot written before a collection or a state field existed still loads: the collection
 * starts empty, the field takes its `missing()` value. So later resources are additive, and the
 * format keeps its tag.
 */
import type { UnionToIntersection } from '../internal/types.js'
import * as z from 'zod'
import { formatIssuePath } from '../internal/input-validation.js'
import { OWNERS, SEED_ORDER, type RESOURCES } from '../resources/index.js'
import {
  PositiveIdSchema,
  toCount,
  type CollectionDefinition,
  type RecordId,
} from './collection.js'
import type { StateField } from './context.js'

/** The `format` tag of every snapshot this version writes. */
export const SNAPSHOT_FORMAT = 'voiceable-mock/snapshot@2'

/** The format before accounts and agents: still read, and upgraded on load. */
const SNAPSHOT_FORMAT_1 = 'voiceable-mock/snapshot@1'

type Resource = (typeof RESOURCES)[number]
type CollectionFields<C> =
  C extends CollectionDefinition<infer Stored, RecordId, infer Key, infer Singular, infer Counted>
    ? string extends Key
      ? Record<never, never> // no collection named: a catalogue (voices) adds nothing to the snapshot
      : { [P in Key]: Stored[] } & (Counted extends true
          ? { [P in `next_${Singular}_id`]: number }
          : unknown)
    : never
type StateFields<F> =
  F extends StateField<infer _Value, infer Key, infer Json> ? { [P in Key]: Json } : never
// A resource with no collections (metrics) adds no fields.
type ResourceFields<R> = R extends { collections: readonly [] }
  ? Record<never, never>
  : R extends { collections: readonly (infer C)[] }
    ? CollectionFields<C> & (R extends { state: readonly (infer F)[] } ? StateFields<F> : unknown)
    : never

/**
 * The whole store as plain JSON: users (passwords included: demo data), every resource's records
 * (secrets included), id counters, the JWT signing secret (so issued tokens stay valid) and the
 * ids of tokens revoked by signing out (so they stay revoked).
 */
export type Snapshot = { format: typeof SNAPSHOT_FORMAT } & UnionToIntersection<
  ResourceFields<Resource>
>

/** Thrown when a snapshot does not validate; the message names each bad field. */
export class SnapshotError extends Error {
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`Failed to load snapshot: ${problems.join('; ')}`)
    this.name = 'SnapshotError'
    this.problems = problems
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each collection has its own record type
type AnyCollection = CollectionDefinition<any, RecordId>
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each field has its own type
type AnyState = StateField<any>

/** Every collection, owners first, in the order snapshots write them. */
const COLLECTIONS: readonly AnyCollection[] = SEED_ORDER.flatMap(
  (resource): readonly AnyCollection[] => resource.collections,
)
const STATE: readonly AnyState[] = SEED_ORDER.flatMap((resource): readonly AnyState[] =>
  'state' in resource ? resource.state : [],
)

const counterOf = (collection: AnyCollection): string => `next_${collection.singular}_id`

type Issue = { path: (string | number)[]; message: string }

/**
 * What a schema cannot see in a collection's records: duplicate ids and unique values, a counter
 * behind an id, an owner who does not exist or whose email the record misquotes, an `updated_at`
 * before `created_at`.
 */
function checkCollection(
  collection: AnyCollection,
  records: readonly Record<string, unknown>[],
  counter: number | undefined,
  emails: ReadonlyMap<number, string>,
  report: (issue: Issue) => void,
): void {
  const ids = new Set<RecordId>()
  const uniques = new Set<string>()
  const { key, label, unique } = collection
  records.forEach((record, index) => {
    const at = (field: string): (string | number)[] => [key, index, field]
    const id = collection.idOf(record)
    if (ids.has(id)) report({ path: at('id'), message: `duplicate ${label} id ${id}` })
    const count = collection.counted ? toCount(id) : undefined
    if (counter !== undefined && count !== undefined && count >= counter)
      report({ path: [counterOf(collection)], message: `must be greater than ${label} id ${id}` })
    if (unique !== undefined) {
      const value = unique.of(record)
      if (uniques.has(value))
        report({ path: at(unique.field), message: `duplicate ${unique.field}` })
      uniques.add(value)
    }
    const owner = collection.ownerOf?.(record)
    if (owner !== undefined) {
      const email = emails.get(owner)
      if (email === undefined)
        report({ path: at('user_id'), message: `user ${owner} does not exist` })
      else if ('user_email' in record && record['user_email'] !== email)
        report({ path: at('user_email'), message: `must equal user ${owner}'s email ${email}` })
      if ((record['updated_at'] as string) < (record['created_at'] as string))
        report({ path: at('updated_at'), message: 'must not be before created_at' })
    }
    ids.add(id)
  })
}

function buildSchema() {
  const shape: Record<string, z.ZodType> = { format: z.literal(SNAPSHOT_FORMAT) }
  for (const collection of COLLECTIONS) {
    shape[counterOf(collection)] = PositiveIdSchema.optional()
    shape[collection.key] = z.array(collection.record).optional()
  }
  for (const field of STATE)
    shape[field.key] = field.missing === undefined ? field.schema : field.schema.optional()
  return z.strictObject(shape).superRefine((snapshot, ctx) => {
    const report = (issue: Issue): void => ctx.addIssue({ code: 'custom', ...issue })
    const owners = (snapshot[OWNERS.key] ?? []) as { id: number; email: string }[]
    const emails = new Map(owners.map((owner) => [owner.id, owner.email]))
    for (const collection of COLLECTIONS)
      checkCollection(
        collection,
        (snapshot[collection.key] ?? []) as Record<string, unknown>[],
        snapshot[counterOf(collection)] as number | undefined,
        emails,
        report,
      )
  })
}

/** Built on first use: most mocks never load a snapshot, and the schema costs start-up time. */
let schema: ReturnType<typeof buildSchema> | undefined

/**
 * A snapshot written before accounts and agents (`voiceable-mock/snapshot@1`) in today's format:
 * each record gets the values its collection gave fields format 1 lacked (users: the default
 * password, role and membership, and the documented user's timestamps). Only the format tag is
 * looked at here: the result is then validated like any snapshot, so a problem is still named by
 * field.
 */
function upgradeFormat1(old: Record<string, unknown>): Record<string, unknown> {
  const upgraded: Record<string, unknown> = { ...old, format: SNAPSHOT_FORMAT }
  for (const collection of COLLECTIONS) {
    const records = old[collection.key]
    const defaults = collection.format1Defaults
    if (defaults !== undefined && Array.isArray(records))
      upgraded[collection.key] = records.map((record: unknown) =>
        typeof record === 'object' && record !== null ? { ...defaults, ...record } : record,
      )
  }
  return upgraded
}

function isObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input)
}

function isFormat1(input: unknown): input is Record<string, unknown> {
  return isObject(input) && input['format'] === SNAPSHOT_FORMAT_1
}

/** Where a snapshot's fields come from: a parsed snapshot, a scenario being built, the store. */
export interface SnapshotSource {
  /** A collection's records, already copies (or `undefined` for none). */
  records(collection: AnyCollection): readonly object[] | undefined
  /** A counted collection's counter (or `undefined` to follow its largest id). */
  counter(collection: AnyCollection): number | undefined
  /** A state field's value as the store keeps it (or `undefined` for its `missing()` value). */
  state(field: AnyState): { value: unknown } | undefined
}

/**
 * Writes a snapshot, every field present, in this version's order: the format; every collection's
 * counter; every single-valued state field (`token_secret`); every collection's records; every
 * other state field (`revoked_token_ids`). Collections and fields each in seeding order.
 */
export function writeSnapshot(source: SnapshotSource): Snapshot {
  const head: Record<string, unknown> = { format: SNAPSHOT_FORMAT }
  const lists: Record<string, unknown> = {}
  const tail: Record<string, unknown> = {}
  for (const collection of COLLECTIONS) {
    const records = source.records(collection) ?? []
    if (collection.counted) {
      // A loop, not `Math.max(...)`: a snapshot may hold a million records.
      let largest = 0
      for (const record of records)
        largest = Math.max(largest, toCount(collection.idOf(record)) ?? 0)
      head[counterOf(collection)] = source.counter(collection) ?? largest + 1
    }
    lists[collection.key] = records
  }
  for (const field of STATE) {
    const given = source.state(field)
    const json = field.toJson(given === undefined ? field.missing?.() : given.value)
    if (Array.isArray(json)) tail[field.key] = json
    else head[field.key] = json
  }
  return { ...head, ...lists, ...tail } as Snapshot
}

/** A parsed snapshot, completed: a missing collection is empty, a missing field takes `missing()`. */
function complete(parsed: Record<string, unknown>): Snapshot {
  return writeSnapshot({
    records: (collection) => parsed[collection.key] as object[] | undefined,
    counter: (collection) => parsed[counterOf(collection)] as number | undefined,
    state: (field) => (field.key in parsed ? { value: parsed[field.key] } : undefined),
  })
}

/**
 * Validates unknown input (parsed JSON) as a snapshot, or throws a `SnapshotError`. A snapshot
 * of the previous format (`voiceable-mock/snapshot@1`) is upgraded first.
 */
export function parseSnapshot(input: unknown): Snapshot {
  schema ??= buildSchema()
  let upgraded = isFormat1(input) ? upgradeFormat1(input) : input
  for (const resource of SEED_ORDER)
    if (resource.upgradeSnapshot !== undefined && isObject(upgraded))
      upgraded = resource.upgradeSnapshot(upgraded)
  const result = schema.safeParse(upgraded)
  if (result.success) return complete(result.data)
  throw new SnapshotError(
    result.error.issues
      .slice(0, 10)
      .map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`),
  )
}

/** The collections and state fields of every resource, for the store. */
export const SNAPSHOT_PARTS: {
  readonly collections: readonly AnyCollection[]
  readonly state: readonly AnyState[]
} = { collections: COLLECTIONS, state: STATE }
