import { useEffect, useState, type FormEvent } from 'react'

/**
 * A settings panel for the caller's API keys, the way an app would build one: it lists the keys,
 * creates one (showing its secret the one time the API sends it) and deletes them.
 */
export interface ApiKeysProps {
  /** Where the API lives, e.g. `/api/v1`. */
  baseUrl: string
  /** The caller's API key, sent as `X-API-Key`. */
  apiKey: string
}

interface ListedKey {
  id: number
  name: string
  key_type: string
}

interface CreatedKey extends ListedKey {
  key_value: string
}

/** Every body the API sends: `status` first, then `data` on success or `errors` on failure. */
interface Body<T> {
  status?: { code?: number; message?: string }
  data?: T
  errors?: string[]
}

type Listing =
  | { state: 'loading' }
  | { state: 'loaded'; keys: ListedKey[] }
  | { state: 'error'; message: string }

/** `503 Service Unavailable`, then the first of `errors` when the API sent any. */
function describeFailure(status: number, body: Body<unknown>): string {
  const heading = `${status} ${body.status?.message ?? ''}`.trim()
  return body.errors?.[0] === undefined ? heading : `${heading}: ${body.errors[0]}`
}

export function ApiKeys({ baseUrl, apiKey }: ApiKeysProps) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  const [created, setCreated] = useState<CreatedKey | undefined>()
  const [failure, setFailure] = useState<string | undefined>()
  const [name, setName] = useState('')
  const [keyType, setKeyType] = useState('private')

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
    try {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          'X-API-Key': apiKey,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const parsed = (await response.json()) as Body<T>
      if (!response.ok || (parsed.data === undefined && method !== 'DELETE'))
        return { ok: false, message: describeFailure(response.status, parsed) }
      return { ok: true, data: parsed.data as T }
    } catch (error) {
      return { ok: false, message: `Network error: ${String(error)}` }
    }
  }

  useEffect(() => {
    let current = true
    void call<ListedKey[]>('GET', '/api_keys').then((result) => {
      if (current)
        setListing(
          result.ok
            ? { state: 'loaded', keys: result.data }
            : { state: 'error', message: result.message },
        )
    })
    return () => {
      current = false
    }
  }, [baseUrl, apiKey])

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    setFailure(undefined)
    const result = await call<CreatedKey>('POST', '/api_keys', {
      api_key: { name, key_type: keyType },
    })
    if (!result.ok) return setFailure(`Could not create the key: ${result.message}`)
    setCreated(result.data)
    setName('')
    setListing((shown) =>
      shown.state === 'loaded' ? { state: 'loaded', keys: [...shown.keys, result.data] } : shown,
    )
  }

  async function remove(key: ListedKey): Promise<void> {
    setFailure(undefined)
    const result = await call<never>('DELETE', `/api_keys/${key.id}`)
    if (!result.ok) return setFailure(`Could not delete ${key.name}: ${result.message}`)
    if (created?.id === key.id) setCreated(undefined)
    setListing((shown) =>
      shown.state === 'loaded'
        ? { state: 'loaded', keys: shown.keys.filter(({ id }) => id !== key.id) }
        : shown,
    )
  }

  const state = listing.state === 'loaded' && listing.keys.length === 0 ? 'empty' : listing.state
  return (
    <section className="api-keys" data-state={state}>
      <h2>API keys</h2>
      {listing.state === 'loading' && <p role="status">Loading…</p>}
      {listing.state === 'error' && <p role="alert">Could not load API keys: {listing.message}</p>}
      {listing.state === 'loaded' && (
        <>
          <p role="status">
            {listing.keys.length === 0
              ? 'No API keys yet.'
              : `${listing.keys.length} API key${listing.keys.length === 1 ? '' : 's'}`}
          </p>
          <ul aria-label="API keys">
            {listing.keys.map((key) => (
              <li key={key.id} data-id={key.id}>
                <span>{`${key.name} (${key.key_type})`}</span>{' '}
                <button
                  type="button"
                  aria-label={`Delete ${key.name}`}
                  onClick={() => void remove(key)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
          <form aria-label="Create an API key" onSubmit={(event) => void create(event)}>
            <label>
              Name <input value={name} onChange={(event) => setName(event.target.value)} />
            </label>{' '}
            <label>
              Type{' '}
              <select value={keyType} onChange={(event) => setKeyType(event.target.value)}>
                <option value="private">private</option>
                <option value="public">public</option>
              </select>
            </label>{' '}
            <button type="submit">Create key</button>
          </form>
        </>
      )}
      {created !== undefined && (
        <p className="new-secret" data-id={created.id}>
          Copy the secret of {created.name} now, it is not shown again:{' '}
          <code>{created.key_value}</code>
        </p>
      )}
      {failure !== undefined && <p role="alert">{failure}</p>}
    </section>
  )
}
