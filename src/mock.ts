/**
 * `createVoiceableMock()`: wires one fake from its parts — the store, the rate limiter, the
 * toolkit (faults, journal), the core over them, and the adapters (msw handlers, `mock.fetch`).
 */
import type { HttpHandler } from 'msw'
import { normalizeBaseUrl } from './adapters/base-url.js'
import { createMockFetch } from './adapters/fetch.js'
import { createMswHandlers, type HandlerRecord } from './adapters/msw.js'
import {
  DEFAULT_BASE_URLS,
  DEFAULT_PUBLIC_KEY_ACCESS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
  DEFAULT_SEED,
  MAX_BODY_BYTES,
} from './defaults.js'
import { checkInput } from './internal/input-validation.js'
import { VoiceableMockOptionsSchema, type VoiceableMockOptions } from './options.js'
import { createCore } from './pipeline/core.js'
import type { Core } from './pipeline/plain-request.js'
import { createRateLimiter } from './pipeline/rate-limit.js'
import { ENDPOINTS, RESOURCES } from './resources/index.js'
import { ScenarioSchema, type Scenario } from './store/scenario-names.js'
import type { Snapshot } from './store/snapshot.js'
import { createCheckedStore, type StoreCalls } from './store/store-calls.js'
import { createStore, recordsOf, type StoreRecords, type VoiceableStore } from './store/store.js'
import { createMockEvents, observeJournal, type MockEvents } from './toolkit/events.js'
import { createFaultInjector, type FaultControls, type FaultInjector } from './toolkit/faults.js'
import { createJournal, JOURNAL_MAX_ENTRIES, type RequestJournal } from './toolkit/journal.js'

export type { VoiceableMockOptions }

/** How every `mock.store` method is checked: each resource's calls, and the store's own. */
const STORE_CALLS: StoreCalls<VoiceableStore> = Object.assign(
  {
    useScenario: {
      failure: 'Failed to switch scenario',
      args: [{ name: 'scenario', schema: ScenarioSchema }],
    },
  },
  ...RESOURCES.map((resource): object => resource.storeCalls),
) as StoreCalls<VoiceableStore>

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
  /** The store's records, read-only, for the demo server's inspector. */
  records: StoreRecords
  /** Each journaled request, journal clearing, store and fault change, as it happens (the inspector's). */
  watch: MockEvents['watch']
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
 * Internal: `createVoiceableMock` returns its `mock`, the demo server uses its `core` too. The
 * options are checked already (`VoiceableMockOptionsSchema`), by whichever factory took them.
 */
export function createMockInternals(
  options: VoiceableMockOptions = {},
  hooks: MockHooks = {},
): MockInternals {
  const events = createMockEvents()
  const changed = (): void => {
    hooks.onChange?.()
    events.emit(CHANGED)
  }
  const now = options.now ?? (() => new Date())
  const store = createStore(options)
  const records = recordsOf(store)
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
  const journal = observeJournal(
    createJournal(
      options.journal === false ? 0 : (options.journal?.maxEntries ?? JOURNAL_MAX_ENTRIES),
    ),
    events,
  )
  const faults = createFaultInjector(
    options.seed ?? DEFAULT_SEED,
    rateLimiter === undefined ? undefined : (bucket) => rateLimiter.exhaust(bucket),
    () => events.emit(FAULTS_CHANGED),
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
    store.useScenario(checkInput(ScenarioSchema, scenario, 'Failed to switch scenario', 'scenario'))
    clearRequestState()
    changed()
  }

  const core = createCore({
    endpoints: ENDPOINTS,
    store,
    rateLimiter,
    faults,
    journal,
    publicKeyAccess: options.publicKeyAccess ?? DEFAULT_PUBLIC_KEY_ACCESS,
    revealKeyValues: options.revealKeyValues === true,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    unknownRoutes,
    now,
    recordOwner: (collection, id) => records.ownerOf(collection, id),
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
    // The core uses the store itself: requests are cast and answered with a 422, not thrown at.
    store: createCheckedStore(store, STORE_CALLS),
    journal,
    faults,
    reset() {
      store.reset()
      clearRequestState()
      changed()
    },
    snapshot: () => store.snapshot(),
    restore(snapshot) {
      store.restore(snapshot)
      changed()
    },
    useScenario,
  }
  return { mock, core, faults, records, watch: events.watch }
}

const CHANGED = { kind: 'changed' } as const
const FAULTS_CHANGED = { kind: 'faults-changed' } as const

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return (
    (prototype === Object.prototype || prototype === null) && Reflect.ownKeys(value).length === 0
  )
}

/**
 * Creates an independent fake of the Voiceable API: its own store, seeded data and handlers.
 * Throws a `TypeError` naming the option for an unknown option or a value it does not accept
 * (`Failed to create the mock: seed must be a safe integer, got 'abc'`), and `SnapshotError`
 * for a bad `snapshot`.
 * @example
 * const mock = createVoiceableMock()
 * const server = setupServer(...mock.handlers)
 * // GET https://api.example.com/api/v1/api_keys/1 with X-API-Key: your-api-key-here → 200
 */
export function createVoiceableMock(options: VoiceableMockOptions = {}): VoiceableMock {
  // @note No option given: nothing to check, and the schema would answer `{}` (every option is
  // optional, none has a default; mock.test.ts holds it to that). Start-up skips zod's first parse.
  const checked = isEmptyPlainObject(options)
    ? {}
    : checkInput(VoiceableMockOptionsSchema, options, 'Failed to create the mock', 'options')
  return createMockInternals(checked).mock
}
