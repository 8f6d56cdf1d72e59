import type { HttpHandler } from 'msw'
import {
  DEFAULT_BASE_URLS,
  DEFAULT_SEED,
  DEFAULT_PUBLIC_KEY_ACCESS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
  MAX_BODY_BYTES,
  type PublicKeyAccess,
} from './defaults.js'
import { normalizeBaseUrl } from './adapters/base-url.js'
import { createMockFetch } from './adapters/fetch.js'
import { createMswHandlers, type HandlerRecord } from './adapters/msw.js'
import { createCore, type Core } from './core.js'
import { createFaultInjector, type FaultControls, type FaultInjector } from './faults.js'
import { createJournal, JOURNAL_MAX_ENTRIES, type RequestJournal } from './journal.js'
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js'
import type { Scenario } from './scenarios.js'
import type { Snapshot } from './snapshot.js'
import { createStore, type StoreOptions, type VoiceableStore } from './store.js'

export interface VoiceableMockOptions extends StoreOptions {
  /**
   * Where the API lives: one base URL or several. Absolute (`https://api.example.com/api/v1`) or
   * same-origin (`/api/v1`, for a page's service worker). Default `DEFAULT_BASE_URLS`: the
   * documented `https://api.example.com/api/v1` and `http://localhost:3000/api/v1`, the real
   * `https://api.voiceable.dev/voiceable-api`, and the web app's local default
   * `http://localhost:3000/voiceable-api`.
   */
  baseUrl?: string | readonly string[] | undefined
  /** Per-caller rate limit, or `false` to send no rate-limit headers and never answer 429. */
  rateLimit?: Partial<RateLimitOptions> | false | undefined
  /** What public keys may do on the API-keys and agents endpoints. Default `'forbidden'` (403). */
  publicKeyAccess?: PublicKeyAccess | undefined
  /**
   * Return each key's secret in `GET /api_keys` and `GET /api_keys/{id}`, as the Voiceable web app
   * expects (it masks listed secrets and embeds them in its widget snippet). Default `false`: the
   * documented `null`. The journal masks revealed secrets either way.
   */
  revealKeyValues?: boolean | undefined
  /** Request bodies over this many bytes get 413. Default `MAX_BODY_BYTES` (1 MiB). */
  maxBodyBytes?: number | undefined
  /** `'not-found'` (default) answers unknown paths and methods under the base URLs with the API's 404; `'passthrough'` leaves them to msw and your own handlers. */
  unknownRoutes?: 'not-found' | 'passthrough' | undefined
  /** Keep the request journal (default, the last `JOURNAL_MAX_ENTRIES` requests); `false` or `maxEntries: 0` keeps none. */
  journal?: { maxEntries?: number } | false | undefined
}

export interface VoiceableMock {
  /** Every handler, for `setupServer(...mock.handlers)`, `setupWorker(...)` and `getResponse(mock.handlers, request)`. */
  readonly handlers: HttpHandler[]
  /**
   * The same endpoints keyed by endpoint name, to use or override one alone: in a Storybook story,
   * `msw.use(...other.handlersByEndpoint.listApiKeys)` (docs/storybook.md).
   */
  readonly handlersByEndpoint: HandlerRecord
  /**
   * A `fetch` answered by the fake with no msw and no network, for code that takes a custom
   * fetch (openapi-fetch, ofetch, a client's constructor). URLs outside the base URLs reject.
   */
  readonly fetch: typeof fetch
  /** The data behind the handlers: users, keys, agents, tokens. */
  readonly store: VoiceableStore
  /** Every request the fake handled, queryable by endpoint, caller, key id and status. */
  readonly journal: RequestJournal
  /** Inject errors, network failures, latency and rate-limit exhaustion. */
  readonly faults: FaultControls
  /** Back to the starting state: seeded data; rate-limit counts, faults and journal cleared. */
  reset(): void
  /** The whole store as plain JSON, secrets included. */
  snapshot(): Snapshot
  /** Replaces the store with a snapshot (validated; throws `SnapshotError` naming the bad field). */
  restore(snapshot: unknown): void
  /** Switches to a named scenario and resets to it (also what the `X-Voiceable-Mock-Scenario` header does). */
  useScenario(scenario: Scenario): void
}

/** The mock and the core behind it; the node entry serves the core over HTTP. */
export interface MockInternals {
  mock: VoiceableMock
  core: Core
  /** The fault injector behind `mock.faults`, with the control API's ids, listing and `add(spec)`. */
  faults: FaultInjector
}

/** Hooks of the demo server into a mock; none is part of the public options. */
export interface MockHooks {
  /**
   * Told after every change to the store through the mock: a 2xx write answered by the core
   * (any transport), a scenario switch (by the header too), `reset()` and `restore()`.
   */
  onChange?: () => void
}

/**
 * Wires a mock: store, rate limiter, faults and journal, the core over them, and the adapters.
 * Internal: `createVoiceableMock` returns its `mock`, the demo server uses its `core` too.
 */
export function createMockInternals(
  options: VoiceableMockOptions = {},
  hooks: MockHooks = {},
): MockInternals {
  const changed = hooks.onChange
  const now = options.now ?? (() => new Date())
  const store = createStore(options)
  const rateLimiter =
    options.rateLimit === false
      ? undefined
      : createRateLimiter(
          {
            limit: options.rateLimit?.limit ?? DEFAULT_RATE_LIMIT,
            windowSeconds: options.rateLimit?.windowSeconds ?? DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
          },
          now,
        )
  const journal = createJournal(
    options.journal === false ? 0 : (options.journal?.maxEntries ?? JOURNAL_MAX_ENTRIES),
  )
  const faults = createFaultInjector(
    options.seed ?? DEFAULT_SEED,
    rateLimiter === undefined ? undefined : (bucket) => rateLimiter.exhaust(bucket),
  )
  const baseUrls = (
    typeof options.baseUrl === 'string' ? [options.baseUrl] : (options.baseUrl ?? DEFAULT_BASE_URLS)
  ).map(normalizeBaseUrl)
  const unknownRoutes = options.unknownRoutes ?? 'not-found'

  /** Back to a starting state: everything kept per scenario starts again. */
  function clearRequestState(): void {
    rateLimiter?.clear()
    faults.reset()
    journal.clear()
  }
  function useScenario(scenario: Scenario): void {
    store.useScenario(scenario)
    clearRequestState()
    changed?.()
  }

  const core = createCore({
    store,
    rateLimiter,
    faults,
    journal,
    publicKeyAccess: options.publicKeyAccess ?? DEFAULT_PUBLIC_KEY_ACCESS,
    revealKeyValues: options.revealKeyValues === true,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    unknownRoutes,
    now,
    useScenario,
    onWrite: changed,
  })
  const { list, record } = createMswHandlers(core, baseUrls, unknownRoutes)

  const mock: VoiceableMock = {
    handlers: list,
    get handlersByEndpoint() {
      return record()
    },
    fetch: createMockFetch(core, baseUrls),
    store,
    journal,
    faults,
    reset() {
      store.reset()
      clearRequestState()
      changed?.()
    },
    snapshot: () => store.snapshot(),
    restore(snapshot) {
      store.restore(snapshot)
      changed?.()
    },
    useScenario,
  }
  return { mock, core, faults }
}

/**
 * Creates an independent fake of the Voiceable API: its own store, seeded data and handlers.
 * @example
 * const mock = createVoiceableMock()
 * const server = setupServer(...mock.handlers)
 * // GET https://api.example.com/api/v1/api_keys/1 with X-API-Key: your-api-key-here → 200
 */
export function createVoiceableMock(options: VoiceableMockOptions = {}): VoiceableMock {
  return createMockInternals(options).mock
}
