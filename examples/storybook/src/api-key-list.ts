/**
 * A small component that lists the caller's API keys, the way an app's settings page would:
 * it calls `GET /api_keys` with its credentials and shows loading, list, empty or error states.
 */
export type Credentials = { apiKey: string } | { token: string }

export interface ApiKeyListProps {
  baseUrl: string
  credentials: Credentials
}

interface ListedKey {
  id: number
  name: string
  key_type: string
}

interface ListBody {
  status?: { code?: number; message?: string }
  data?: ListedKey[]
}

export function createApiKeyList({ baseUrl, credentials }: ApiKeyListProps): HTMLElement {
  const root = document.createElement('section')
  root.className = 'api-key-list'
  root.dataset['state'] = 'loading'
  const heading = document.createElement('h2')
  heading.textContent = 'API keys'
  const status = document.createElement('p')
  status.setAttribute('role', 'status')
  status.textContent = 'Loading…'
  root.append(heading, status)
  void load(root, status, baseUrl, credentials)
  return root
}

async function load(
  root: HTMLElement,
  status: HTMLElement,
  baseUrl: string,
  credentials: Credentials,
): Promise<void> {
  const headers: Record<string, string> =
    'apiKey' in credentials
      ? { 'X-API-Key': credentials.apiKey }
      : { Authorization: `Bearer ${credentials.token}` }
  let code: number
  let body: ListBody
  try {
    const response = await fetch(`${baseUrl}/api_keys`, { headers })
    code = response.status
    body = (await response.json()) as ListBody
  } catch (error) {
    return showError(root, status, `Network error: ${String(error)}`)
  }
  if (code !== 200 || !Array.isArray(body.data))
    return showError(root, status, `${code} ${body.status?.message ?? ''}`.trim())
  if (body.data.length === 0) {
    root.dataset['state'] = 'empty'
    status.textContent = 'No API keys yet.'
    return
  }
  const list = document.createElement('ul')
  for (const key of body.data) {
    const item = document.createElement('li')
    item.dataset['id'] = String(key.id)
    item.textContent = `${key.name} (${key.key_type})`
    list.append(item)
  }
  root.dataset['state'] = 'loaded'
  status.textContent = `${body.data.length} API key${body.data.length === 1 ? '' : 's'}`
  root.append(list)
}

function showError(root: HTMLElement, status: HTMLElement, message: string): void {
  root.dataset['state'] = 'error'
  status.setAttribute('role', 'alert')
  status.textContent = `Could not load API keys: ${message}`
}
