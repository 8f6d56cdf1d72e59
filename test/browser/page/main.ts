/**
 * The browser test page: the fake behind msw's service worker, driven through `fetch` the way an
 * app would call the real API. Bundled by esbuild from the BUILT package (see build-page.ts).
 */
import { setupWorker } from 'msw/browser'
import {
  createVoiceableMock,
  scenarioFromUrl,
  SCENARIO_HEADER,
  type EndpointName,
  type JournalQuery,
  type Snapshot,
} from 'voiceable-mock'
import {
  PAGE_IDS,
  type ApiKeyFields,
  type Credentials,
  type DemoPage,
} from '../support/page-api.js'
import { createAppClient } from '../../support/app-client.js'

/** Same-origin base URL: the page calls `/api/v1/...` on its own origin, as a dev server would. */
const BASE_URL = '/api/v1'

/** `?scenario=empty` picks a starting state; no parameter (or an unknown name) gives the default. */
const scenario = scenarioFromUrl(location.href)
const mock = createVoiceableMock({
  baseUrl: BASE_URL,
  ...(scenario === undefined ? {} : { scenario }),
})
/**
 * A second fake for the Voiceable web app's own API client: no base URL given, so it answers at
 * the defaults, among them the app's local default `http://localhost:3000/voiceable-api` (another
 * origin than the page's: the worker answers cross-origin requests too).
 */
const appMock = createVoiceableMock({ revealKeyValues: true })
const worker = setupWorker(...mock.handlers, ...appMock.handlers)

/** The app keeps its token in `localStorage["auth_token"]`. */
const TOKEN_KEY = 'auth_token'
localStorage.removeItem(TOKEN_KEY)
/** The web app's local default base URL (voiceable-client-contract.md), answered with no configuration. */
const CLIENT_DEVELOPMENT_BASE_URL = 'http://localhost:3000/voiceable-api'
const app = createAppClient(CLIENT_DEVELOPMENT_BASE_URL, (input, init) => fetch(input, init), {
  get: () => localStorage.getItem(TOKEN_KEY),
  set: (token) =>
    token === null ? localStorage.removeItem(TOKEN_KEY) : localStorage.setItem(TOKEN_KEY, token),
})

function byId(id: string): HTMLElement {
  const element = document.getElementById(id)
  if (element === null) throw new Error(`The page has no #${id}`)
  return element
}

interface KeyView {
  id: number
  name: string
  key_value: string | null
}

function isKeyView(value: unknown): value is KeyView {
  return typeof value === 'object' && value !== null && typeof (value as KeyView).id === 'number'
}

/** Shows one response: the raw JSON always, the key list for a list, the one-time secret for a create. */
function render(method: string, path: string, status: number, body: unknown): void {
  const last = byId(PAGE_IDS.lastResponse)
  last.dataset['method'] = method
  last.dataset['path'] = path
  last.dataset['status'] = String(status)
  last.textContent = JSON.stringify(body, null, 2)
  const data = (body as { data?: unknown } | null)?.data
  if (method === 'GET' && path === '/api_keys' && Array.isArray(data)) {
    byId(PAGE_IDS.keys).replaceChildren(
      ...data.filter(isKeyView).map((key) => {
        const item = document.createElement('li')
        item.dataset['id'] = String(key.id)
        item.textContent = key.name
        return item
      }),
    )
  }
  if (method === 'POST' && isKeyView(data) && data.key_value !== null) {
    const created = byId(PAGE_IDS.createdKey)
    created.dataset['id'] = String(data.id)
    created.textContent = data.key_value
  }
}

async function call(
  method: string,
  path: string,
  credentials: Credentials,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<void> {
  const headers = new Headers(extraHeaders)
  if (credentials.apiKey !== undefined) headers.set('X-API-Key', credentials.apiKey)
  if (credentials.token !== undefined) headers.set('Authorization', `Bearer ${credentials.token}`)
  const init: RequestInit = { method, headers }
  if (body !== undefined) {
    headers.set('Content-Type', 'application/json')
    init.body = JSON.stringify(body)
  }
  let response: Response
  try {
    response = await fetch(`${BASE_URL}${path}`, init)
  } catch (error) {
    // A dropped connection (an injected network error): fetch rejects, as it would for real.
    render(method, path, 0, { network_error: String(error) })
    return
  }
  render(method, path, response.status, await response.json())
}

const demo: DemoPage = {
  listKeys: (credentials) => call('GET', '/api_keys', credentials),
  getKey: (id, credentials) => call('GET', `/api_keys/${id}`, credentials),
  createKey: (fields: ApiKeyFields, credentials) =>
    call('POST', '/api_keys', credentials, { api_key: fields }),
  updateKey: (id, fields: ApiKeyFields, credentials) =>
    call('PUT', `/api_keys/${id}`, credentials, { api_key: fields }),
  deleteKey: (id, credentials) => call('DELETE', `/api_keys/${id}`, credentials),
  issueToken: (userId) => mock.store.issueToken(userId),
  scenario: scenario ?? null,
  listKeysInScenario: (name, credentials) =>
    call('GET', '/api_keys', credentials, undefined, { [SCENARIO_HEADER]: name }),
  failNext: (endpoint, status) =>
    void mock.faults.error(status, { endpoint: endpoint as EndpointName, times: 1 }),
  dropNext: (endpoint) =>
    void mock.faults.networkError({ endpoint: endpoint as EndpointName, times: 1 }),
  journalCount: (query) => mock.journal.count(query as JournalQuery),
  saveSnapshot() {
    saved = mock.snapshot()
  },
  restoreSnapshot() {
    if (saved !== undefined) mock.restore(saved)
  },
  app,
  appJournal: () => appMock.journal.entries().map((entry) => `${entry.endpoint} ${entry.status}`),
}
let saved: Snapshot | undefined
window.demo = demo

await worker.start({
  serviceWorker: { url: '/mockServiceWorker.js' },
  // Nothing but the API goes through fetch on this page: anything else is a bug worth an error.
  onUnhandledRequest: 'error',
  quiet: true,
})
byId(PAGE_IDS.ready).hidden = false
