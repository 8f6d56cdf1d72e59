import { useState } from 'preact/hooks'
import type { FaultDescription } from '../toolkit/faults.js'
import type { Act } from './api.js'
import { Choice, Field } from './fields.js'

/** The kinds of fault the page adds, as the control API's `POST /faults` takes them. */
const KINDS = {
  error: 'Error status',
  latency: 'Latency',
  network: 'Network error',
  'rate-limit': 'Rate limit exhausted',
} as const

type Kind = keyof typeof KINDS

/** The number an error or a latency fault takes. */
const AMOUNTS = {
  error: { label: 'Status', min: 400, max: 599 },
  latency: { label: 'Delay (ms)', min: 0, max: 600_000 },
} as const

/** What a fault does, in a few words. */
function describeEffect(fault: FaultDescription): string {
  switch (fault.kind) {
    case 'error':
      return `error ${fault.status}`
    case 'latency':
      return fault.min === fault.max
        ? `${fault.min} ms latency`
        : `${fault.min}–${fault.max} ms latency`
    case 'network':
      return 'network error'
    case 'rate-limit':
      return 'rate limit exhausted'
  }
}

function describeScope(fault: FaultDescription): string {
  const endpoint =
    fault.endpoint === undefined
      ? 'every endpoint'
      : typeof fault.endpoint === 'string'
        ? fault.endpoint
        : fault.endpoint.join(', ')
  const user = fault.userId === undefined ? '' : `, user ${fault.userId}`
  const times = fault.times === undefined ? '' : `, ${fault.times}×`
  return `${endpoint}${user}${times}`
}

/** The form that adds a fault: which endpoint, what it does, how many times. */
function AddFault(props: { endpoints: readonly string[]; act: Act }) {
  const [endpoint, setEndpoint] = useState('')
  const [kind, setKind] = useState<Kind>('error')
  const [amounts, setAmounts] = useState({ error: '503', latency: '1000' })
  const amount = kind === 'error' || kind === 'latency' ? AMOUNTS[kind] : undefined
  const [times, setTimes] = useState('')
  const submit = (event: Event): void => {
    event.preventDefault()
    const spec: Record<string, unknown> = { kind }
    if (kind === 'error') spec['status'] = Number(amounts.error)
    if (kind === 'latency') spec['ms'] = Number(amounts.latency)
    if (endpoint !== '') spec['endpoint'] = endpoint
    if (times.trim() !== '') spec['times'] = Number(times)
    void props.act(
      `Added a fault: ${KINDS[kind].toLowerCase()} on ${endpoint || 'every endpoint'}`,
      'POST',
      'faults',
      spec,
    )
  }
  return (
    <form class="add-fault" onSubmit={submit} aria-label="Add a fault">
      <Choice
        label="Endpoint"
        value={endpoint}
        onChange={setEndpoint}
        options={[{ value: '', label: 'Every endpoint' }, ...props.endpoints]}
      />
      <Choice
        label="Fault"
        value={kind}
        onChange={(value) => setKind(value as Kind)}
        options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))}
      />
      {amount !== undefined && (
        <Field
          {...amount}
          type="number"
          required
          value={amounts[kind as keyof typeof AMOUNTS]}
          onChange={(value) => setAmounts({ ...amounts, [kind]: value })}
        />
      )}
      <Field
        label="Times"
        type="number"
        min={1}
        placeholder="always"
        value={times}
        onChange={setTimes}
      />
      <button type="submit">Add fault</button>
    </form>
  )
}

/** Fault injection: add one per endpoint, see each with its hits, remove it. */
export function Faults(props: {
  faults: FaultDescription[]
  endpoints: readonly string[]
  act: Act
}) {
  const { faults, act } = props
  return (
    <section class="panel faults" aria-labelledby="faults-title">
      <div class="panel-head">
        <h2 id="faults-title">Faults</h2>
        {faults.length > 0 && (
          <button type="button" onClick={() => void act('Removed every fault', 'DELETE', 'faults')}>
            Remove all
          </button>
        )}
      </div>
      <AddFault endpoints={props.endpoints} act={act} />
      {faults.length === 0 ? (
        <p class="none">No faults: every request is answered as the API would.</p>
      ) : (
        <ul class="fault-list" aria-label="Faults">
          {faults.map((fault) => (
            <li key={fault.id} class={fault.active ? undefined : 'spent'}>
              <span class="what">{describeEffect(fault)}</span>{' '}
              <span class="muted">on {describeScope(fault)}</span>{' '}
              <span class="hits">
                {fault.hits} {fault.hits === 1 ? 'hit' : 'hits'}
                {fault.active ? '' : ', run out'}
              </span>
              <button
                type="button"
                aria-label={`Remove ${fault.id}: ${describeEffect(fault)} on ${describeScope(fault)}`}
                onClick={() => void act(`Removed ${fault.id}`, 'DELETE', `faults/${fault.id}`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
