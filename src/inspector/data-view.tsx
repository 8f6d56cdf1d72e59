import { useEffect, useRef, useState } from 'preact/hooks'
import type { InspectorData, InspectorRecords, InspectorUser } from '../node/inspector-data.js'
import { cellText, columnsOf, countOf, textOf } from './view.js'

/** How long a changed record stays highlighted, in milliseconds. */
const HIGHLIGHT_MS = 2500

type ShownRecord = Record<string, unknown>

/** A record's key across the page: its collection and id. */
const keyOf = (collection: string, record: ShownRecord): string =>
  `${collection}:${String(record['id'])}`

/** The keys of records that are new or changed since `previous` (record key → JSON). */
function findChanges(data: InspectorData, previous: Map<string, string>): Set<string> {
  const changed = new Set<string>()
  const seen = new Map<string, string>()
  const visit = (collection: string, records: readonly ShownRecord[]): void => {
    for (const record of records) {
      const key = keyOf(collection, record)
      const json = JSON.stringify(record)
      seen.set(key, json)
      if (previous.size > 0 && previous.get(key) !== json) changed.add(key)
    }
  }
  for (const user of data.users) {
    visit('users', [user.record])
    for (const [collection, { records }] of Object.entries(user.records)) visit(collection, records)
  }
  for (const [collection, { records }] of Object.entries(data.shared)) visit(collection, records)
  previous.clear()
  for (const [key, json] of seen) previous.set(key, json)
  return changed
}

/** One collection's records as a table, the owner's own fields left out. */
function RecordTable(props: {
  label: string
  collection: string
  shown: InspectorRecords
  owner: unknown[]
  changed: Set<string>
}) {
  const { records, total } = props.shown
  const columns = columnsOf(records, props.owner)
  const caption = `${countOf(total, props.label)}${total > records.length ? ` (the first ${records.length})` : ''}`
  if (records.length === 0) return <p class="none">No {props.label}s.</p>
  return (
    <div class="scroll-x" tabIndex={0} role="region" aria-label={caption}>
      <table class="grid records">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const key = keyOf(props.collection, record)
            return (
              <tr key={key} class={props.changed.has(key) ? 'changed' : undefined}>
                {columns.map((column) => {
                  const { text, full } = cellText(record[column])
                  return (
                    <td key={column} title={full === text ? undefined : full}>
                      {text}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** One user: email, id, password and the counts, then each collection's records. */
function UserData(props: {
  user: InspectorUser
  data: InspectorData
  open: boolean
  changed: Set<string>
}) {
  const { user, data } = props
  const email = textOf(user.record['email'])
  const owned = data.collections.filter((collection) => collection.owned)
  const counts = owned
    .map(({ key, label }) => countOf(user.records[key]?.total ?? 0, label))
    .join(', ')
  return (
    <details
      open={props.open}
      class={props.changed.has(`users:${String(user.id)}`) ? 'changed' : undefined}
    >
      <summary>
        <span class="email">{email}</span>
        <span class="muted"> · user {String(user.id)} · password </span>
        <code>{textOf(user.record['password'])}</code>
        <span class="counts"> · {counts}</span>
      </summary>
      {owned.map(({ key, label }) => {
        const shown = user.records[key]
        return shown === undefined ? null : (
          <RecordTable
            key={key}
            label={label}
            collection={key}
            shown={shown}
            owner={[user.id, email]}
            changed={props.changed}
          />
        )
      })}
    </details>
  )
}

/** The store, by user: read-only, refreshed as requests change it; changed records flash. */
export function DataView(props: { data: InspectorData | undefined }) {
  const { data } = props
  const previous = useRef(new Map<string, string>())
  const [changed, setChanged] = useState(new Set<string>())
  useEffect(() => {
    if (data === undefined) return undefined
    const found = findChanges(data, previous.current)
    setChanged(found)
    if (found.size === 0) return undefined
    const timer = setTimeout(() => setChanged(new Set()), HIGHLIGHT_MS)
    return () => clearTimeout(timer)
  }, [data])
  return (
    <section class="panel data" aria-labelledby="data-title">
      <div class="panel-head">
        <h2 id="data-title">Data</h2>
        {data !== undefined && (
          <p class="muted">
            {data.scenario === null ? 'from a snapshot' : `scenario ${data.scenario}`} ·{' '}
            {countOf(data.totalUsers, 'user')}
          </p>
        )}
      </div>
      <div class="scroll">
        {data === undefined ? (
          <p class="empty">Loading…</p>
        ) : (
          <>
            {data.users.map((user, index) => (
              <UserData
                key={user.id}
                user={user}
                data={data}
                open={index === 0}
                changed={changed}
              />
            ))}
            {data.totalUsers > data.users.length && (
              <p class="muted">… and {data.totalUsers - data.users.length} more users</p>
            )}
            {data.collections
              .filter((collection) => !collection.owned)
              .map(({ key, label }) => (
                <RecordTable
                  key={key}
                  label={label}
                  collection={key}
                  shown={data.shared[key] ?? { total: 0, records: [] }}
                  owner={[]}
                  changed={changed}
                />
              ))}
          </>
        )}
      </div>
    </section>
  )
}
