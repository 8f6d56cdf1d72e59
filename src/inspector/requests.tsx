import { useMemo, useState } from 'preact/hooks'
import type { JournalEntry } from '../toolkit/journal.js'
import type { Act } from './api.js'
import { Choice, type Option } from './fields.js'
import { RequestDetail } from './request-detail.js'
import type { InspectorState } from './use-inspector.js'
import {
  credentialLabel,
  formatDuration,
  formatTime,
  matchesFilters,
  NO_FILTERS,
  STATUS_CLASSES,
  statusClassOf,
  textOf,
  type RequestFilters,
} from './view.js'

/** Rows the table shows at most, newest first (the page keeps more; filters reach them). */
const TABLE_MAX_ROWS = 500

/** The filters above the table: endpoint, status class and user. */
function FilterBar(props: {
  filters: RequestFilters
  onChange: (filters: RequestFilters) => void
  endpoints: readonly string[]
  users: readonly Option[]
}) {
  const { filters, onChange } = props
  const pick =
    (field: keyof RequestFilters) =>
    (value: string): void =>
      onChange({ ...filters, [field]: value })
  return (
    <div class="filters" role="group" aria-label="Filter requests">
      <Choice
        label="Endpoint"
        value={filters.endpoint}
        onChange={pick('endpoint')}
        options={[{ value: '', label: 'All endpoints' }, ...props.endpoints]}
      />
      <Choice
        label="Status"
        value={filters.statusClass}
        onChange={pick('statusClass')}
        options={[{ value: '', label: 'All statuses' }, ...STATUS_CLASSES]}
      />
      <Choice
        label="User"
        value={filters.user}
        onChange={pick('user')}
        options={[
          { value: '', label: 'All users' },
          { value: 'anonymous', label: 'No credential' },
          ...props.users,
        ]}
      />
    </div>
  )
}

/** One row of the table; its path is the button that shows the request. */
function Row(props: { entry: JournalEntry; selected: boolean; onSelect: () => void }) {
  const { entry, selected } = props
  const status = entry.status === 0 ? 'reset' : String(entry.status)
  return (
    <tr class={selected ? 'selected' : undefined} onClick={props.onSelect}>
      <td class="time">{formatTime(entry.time)}</td>
      <td class="method">{entry.method}</td>
      <td class="path">
        <button
          type="button"
          class="link"
          aria-pressed={selected}
          aria-label={`Show request ${entry.seq}: ${entry.method} ${entry.path}, ${status}`}
          title={entry.path}
        >
          {entry.path}
        </button>
      </td>
      <td>{entry.endpoint}</td>
      <td>
        <span class={`status s${statusClassOf(entry.status)}`}>{status}</span>
      </td>
      <td class="user">{entry.userId ?? '—'}</td>
      <td>{credentialLabel(entry.credential)}</td>
      <td class="duration">{formatDuration(entry.durationMs)}</td>
    </tr>
  )
}

/** The Requests table: one row per request, newest first, filtered; a row opens its detail. */
export function Requests(props: { state: InspectorState; act: Act }) {
  const { entries, data } = props.state
  const [filters, setFilters] = useState<RequestFilters>(NO_FILTERS)
  const [selectedSeq, setSelectedSeq] = useState<number | undefined>(undefined)
  const shown = useMemo(
    () => entries.filter((entry) => matchesFilters(entry, filters)).reverse(),
    [entries, filters],
  )
  const selected = entries.find((entry) => entry.seq === selectedSeq)
  const users = (data?.users ?? []).map((user) => ({
    value: String(user.id),
    label: `${String(user.id)} ${textOf(user.record['email'])}`,
  }))
  return (
    <section class="panel requests" aria-labelledby="requests-title">
      <div class="panel-head">
        <h2>
          <span id="requests-title">Requests</span>{' '}
          <span class="count">
            {shown.length === entries.length
              ? entries.length
              : `${shown.length} of ${entries.length}`}
          </span>
        </h2>
        <FilterBar
          filters={filters}
          onChange={setFilters}
          endpoints={data?.endpoints ?? []}
          users={users}
        />
        <button
          type="button"
          onClick={() => {
            setSelectedSeq(undefined)
            void props.act('Cleared the journal', 'DELETE', 'journal')
          }}
        >
          Clear journal
        </button>
      </div>
      <div class="scroll" tabIndex={0} role="region" aria-label="Table of requests, newest first">
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Status</th>
              <th scope="col">User</th>
              <th scope="col">Credential</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, TABLE_MAX_ROWS).map((entry) => (
              <Row
                key={entry.seq}
                entry={entry}
                selected={entry.seq === selectedSeq}
                onSelect={() => setSelectedSeq(entry.seq)}
              />
            ))}
          </tbody>
        </table>
        {shown.length > TABLE_MAX_ROWS && (
          <p class="empty">
            The newest {TABLE_MAX_ROWS} are shown; filter to find older ones, or read the whole
            journal at GET /__voiceable/journal.
          </p>
        )}
        {shown.length === 0 && (
          <p class="empty">
            {entries.length === 0
              ? 'No requests yet: call the API, and each request shows here as it is answered.'
              : 'No request matches the filters.'}
          </p>
        )}
      </div>
      {selected !== undefined && (
        <RequestDetail entry={selected} onClose={() => setSelectedSeq(undefined)} />
      )}
    </section>
  )
}
