/**
 * What the test page (test/browser/page/main.ts) exposes on `window.demo`. Every call fetches
 * through the service worker and renders the response into the page; the tests read the page.
 * Shared by the page and the Node side, so it imports nothing but the app client's types.
 */
import type { AppClient } from '../../support/app-client.js'

export interface Credentials {
  apiKey?: string
  token?: string
}

export interface ApiKeyFields {
  name?: string
  key_type?: string
  allowed_origins?: string[]
  allowed_assistants?: string[]
  transient_assistant?: boolean
}

export interface DemoPage {
  listKeys(credentials: Credentials): Promise<void>
  getKey(id: number, credentials: Credentials): Promise<void>
  createKey(fields: ApiKeyFields, credentials: Credentials): Promise<void>
  updateKey(id: number, fields: ApiKeyFields, credentials: Credentials): Promise<void>
  deleteKey(id: number, credentials: Credentials): Promise<void>
  /** A JWT for a user of the page's fake (`mock.store.issueToken`), for scenarios without API keys. */
  issueToken(userId: number): Promise<string>
  /** The scenario the page read from its URL, or `null` for the default. */
  readonly scenario: string | null
  /** Lists keys with the `X-Voiceable-Mock-Scenario` header set to `name`. */
  listKeysInScenario(name: string, credentials: Credentials): Promise<void>
  /** `mock.faults.error(status, { endpoint, times: 1 })` in the page's fake. */
  failNext(endpoint: string, status: number): void
  /** `mock.faults.networkError({ endpoint, times: 1 })`: the page shows status 0 when fetch rejects. */
  dropNext(endpoint: string): void
  /** `mock.journal.count(query)` in the page's fake. */
  journalCount(query: {
    endpoint?: string
    keyId?: number
    userId?: number
    status?: number
  }): number
  /** `mock.snapshot()` kept in the page, and `mock.restore()` of it. */
  saveSnapshot(): void
  restoreSnapshot(): void
  /** The Voiceable web app's API client (test/support/app-client.ts), against its own fake. */
  app: AppClient
  /** That fake's journal, as `endpoint status` lines. */
  appJournal(): string[]
}

/** The element ids the page renders into. */
export const PAGE_IDS = {
  ready: 'ready',
  keys: 'keys',
  createdKey: 'created-key',
  lastResponse: 'last-response',
} as const

declare global {
  interface Window {
    /** Set by the test page once its script has run. */
    demo: DemoPage
  }
}
