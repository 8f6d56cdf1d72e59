/**
 * The store as the inspector shows it (`GET /__voiceable/data`), generic over the resource list:
 * users, and per user each collection's records; records nobody owns apart. Secrets are masked
 * as the journal masks them (`key_value`); passwords are shown, as the banner shows them (demo
 * data). State beside the records (the JWT signing secret, revoked token ids) is never shown.
 */
import type { MockInternals } from '../mock.js'
import { ENDPOINT_NAMES, OWNERS } from '../resources/index.js'
import type { Collection, CollectionDefinition, RecordId } from '../store/collection.js'
import { SCENARIOS } from '../store/scenario-names.js'
import { SNAPSHOT_PARTS } from '../store/snapshot.js'
import { maskItem } from '../toolkit/journal.js'

/** Users listed at most; the rest are counted (`totalUsers`). */
export const INSPECTOR_MAX_USERS = 100

/** Records listed at most per user and collection; the rest are counted (`total`). */
export const INSPECTOR_MAX_RECORDS = 100

/** A record as the inspector shows it: plain JSON, secrets masked. */
type ShownRecord = Record<string, unknown>

/** Some of a collection's records, and how many there are. */
export interface InspectorRecords {
  total: number
  records: ShownRecord[]
}

/** One collection besides the users: its snapshot key and how one record is named. */
export interface InspectorCollection {
  key: string
  label: string
  /** Whether each record has an owner (listed under its user) or not (listed apart). */
  owned: boolean
}

export interface InspectorUser {
  id: RecordId
  /** The user's record: email and password included. */
  record: ShownRecord
  /** The user's records, by collection key. */
  records: Record<string, InspectorRecords>
}

/** The answer of `GET /__voiceable/data`, after `status`. */
export interface InspectorData {
  /** The scenario of the starting state; `null` when it started from a snapshot. */
  scenario: string | null
  scenarios: readonly string[]
  /** Every endpoint name (journal filters, fault scopes). */
  endpoints: readonly string[]
  collections: InspectorCollection[]
  users: InspectorUser[]
  totalUsers: number
  /** Records nobody owns, by collection key. */
  shared: Record<string, InspectorRecords>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each collection has its own record type
type AnyDefinition = CollectionDefinition<any, RecordId>

function show(definition: AnyDefinition, records: Iterable<object>, total: number) {
  const shown: ShownRecord[] = []
  for (const record of records) {
    if (shown.length >= INSPECTOR_MAX_RECORDS) break
    shown.push(maskItem(definition.copy(record)) as ShownRecord)
  }
  return { total, records: shown }
}

/** What the inspector shows of a mock's store. */
export function describeStore(target: MockInternals): InspectorData {
  const others = SNAPSHOT_PARTS.collections.filter((definition) => definition !== OWNERS)
  const collection = (definition: AnyDefinition): Collection<object, RecordId> =>
    // eslint-disable-next-line @typescript-eslint/no-unsafe-argument -- read as plain objects, whatever the record type
    target.records.collection<object, RecordId>(definition)
  const owners = target.records.collection(OWNERS)
  const users: InspectorUser[] = []
  for (const user of owners.values()) {
    if (users.length >= INSPECTOR_MAX_USERS) break
    const id = OWNERS.idOf(user)
    const records: Record<string, InspectorRecords> = {}
    for (const definition of others) {
      if (definition.ownerOf === undefined) continue
      const kept = collection(definition)
      records[definition.key] = show(definition, kept.ownedBy(id), kept.countOwnedBy(id))
    }
    users.push({ id, record: OWNERS.copy(user), records })
  }
  const shared: Record<string, InspectorRecords> = {}
  for (const definition of others) {
    if (definition.ownerOf !== undefined) continue
    const kept = collection(definition)
    shared[definition.key] = show(definition, kept.values(), kept.size)
  }
  return {
    scenario: target.mock.store.scenario ?? null,
    scenarios: SCENARIOS,
    endpoints: ENDPOINT_NAMES,
    collections: others.map((definition) => ({
      key: definition.key,
      label: definition.label,
      owned: definition.ownerOf !== undefined,
    })),
    users,
    totalUsers: owners.size,
    shared,
  }
}
