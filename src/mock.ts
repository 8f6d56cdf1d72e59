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
import type { EndpointRuntime } from './endpoint.js'
import { ApiError, ERROR_MESSAGES } from './errors.js'
import { createFaultInjector, type FaultControls } from './faults.js'
import { createHandlers, type HandlerRecord } from './handlers.js'
import { createJournal, JOURNAL_MAX_ENTRIES, toJournalEntry, type RequestJournal } from './journal.js'
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js'
import { SCENARIO_HEADER, isScenario, type Scenario } from './scenarios.js'
import type { Snapshot } from './snapshot.js'
import { createStore, type StoreOptions, type VoiceableStore } from './store.js'

export interface VoiceableMockOptions extends StoreOptions {
  /**
   * Where the API lives: one base URL or several. Absolute (`https://api.example.com/api/v1`) or
   * same-origin (`/api/v1`, for a page's service worker). Default: the documented
   * `https://api.example.com/api/v1` and the real `https://api.voiceable.dev/voiceable-api`.
   */
  baseUrl?: string | readonly string[] | undefined
  /** Per-caller rate limit, or `false` to send no rate-limit headers and never answer 429. */
  rateLimit?: Partial<RateLimitOptions> | false | undefined
  /** What public keys may do on the API-keys endpoints. Default `'forbidden'` (403). */
  publicKeyAccess?: PublicKeyAccess | undefined
  /** Request bodies over this many bytes get 413. Default `MAX_BODY_BYTES` (1 MiB). */
  maxBodyBytes?: number | undefined
  /** `'not-found'` (default) answers unknown paths and methods under the base URLs with the API's 404; `'passthrough'` leaves them to msw and your own handlers. */
  unknownRoutes?: 'not-found' | 'passthrough' | undefined
  /** Keep the request journal (default, the last `JOURNAL_MAX_ENTRIES` requests), or `false` to keep none. */
  journal?: { maxEntries?: number } | false | undefined
}

export interface VoiceableMock {
  /** Every handler, for `setupServer(...mock.handlers)`, `setupWorker(...)` and `getResponse(mock.handlers, request)`. */
  readonly handlers: HttpHandler[]
  /** The same handlers keyed by endpoint name, for msw-storybook-addon's `parameters.msw.handlers`. */
  readonly handlersByEndpoint: HandlerRecord
  /** The data behind the handlers: users, keys, tokens. */
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

/**
 * Creates an independent fake of the Voiceable API: its own store, seeded data and handlers.
 * @example
 * const mock = createVoiceableMock()
 * const server = setupServer(...mock.handlers)
 * // GET https://api.example.com/api/v1/api_keys/1 with X-API-Key: your-api-key-here → 200
 */
export function createVoiceableMock(options: VoiceableMockOptions = {}): VoiceableMock {
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
  const journal = options.journal === false ? undefined : createJournal(options.journal?.maxEntries ?? JOURNAL_MAX_ENTRIES)
  const faults = createFaultInjector(options.seed ?? DEFAULT_SEED, rateLimiter?.exhaust)
  const runtime: EndpointRuntime = {
    store,
    rateLimiter,
    publicKeyAccess: options.publicKeyAccess ?? DEFAULT_PUBLIC_KEY_ACCESS,
    beforeRequest: (name, principal) => faults.apply(name, principal),
    selectScenario(request) {
      const requested = request.headers.get(SCENARIO_HEADER)
      if (requested === null || requested === store.scenario) return
      if (!isScenario(requested)) throw new ApiError('bad_request', [ERROR_MESSAGES.unknownScenario(requested)])
      useScenario(requested)
    },
    ...(journal === undefined ? {} : { afterResponse: (handled) => journal.add(toJournalEntry(handled)) }),
  }
  const baseUrls = typeof options.baseUrl === 'string' ? [options.baseUrl] : (options.baseUrl ?? DEFAULT_BASE_URLS)
  function useScenario(scenario: Scenario): void {
    store.useScenario(scenario)
    rateLimiter?.clear()
    faults.reset()
    journal?.clear()
  }
  const { record, list } = createHandlers(runtime, {
    baseUrls,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    unknownRoutes: options.unknownRoutes ?? 'not-found',
  })

  return {
    handlers: list,
    handlersByEndpoint: record,
    store,
    journal: journal ?? createJournal(0),
    faults,
    reset() {
      store.reset()
      rateLimiter?.clear()
      faults.reset()
      journal?.clear()
    },
    snapshot: () => store.snapshot(),
    restore: (snapshot) => store.restore(snapshot),
    useScenario,
  }
}
