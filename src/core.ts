import { resolveCaller, type CallerResult, type HeaderLookup } from './auth.js'
import type { PublicKeyAccess } from './defaults.js'
import {
  limitsPublicKeys,
  requiresCaller,
  type EndpointAccess,
  type EndpointContext,
  type EndpointResult,
} from './endpoint.js'
import { ENDPOINTS, UNKNOWN_ROUTE, type EndpointName } from './endpoints/table.js'
import { ApiError, ERROR_MESSAGES } from './envelope.js'
import type { FaultInjector } from './faults.js'
import { utf8ByteLength } from './internal/utf8.js'
import { toAgentId, toRecordId } from './internal/record-id.js'
import { toCredential, type Journal } from './journal.js'
import type { RateLimiter, RateLimitState } from './rate-limit.js'
import { readWrapper } from './request-body.js'
import { createRouter } from './router.js'
import { isScenario, SCENARIO_HEADER, type Scenario } from './scenarios.js'
import type { Principal, VoiceableStore } from './store.js'

/**
 * A request as every transport can give it: no Fetch objects, no Node API. Adapters build one
 * from an msw `Request`, a `node:http` `IncomingMessage` or `fetch`'s arguments.
 */
export interface PlainRequest {
  readonly method: string
  /** The path and query as sent, e.g. `/api/v1/api_keys/1?x=1`. */
  readonly path: string
  /** The base path the adapter received it under, e.g. `/api/v1` (`''` for a base at the origin's root). */
  readonly basePath: string
  /** A header by its lower-case name; repeated headers joined with `, `. */
  readonly header: HeaderLookup
  /** The body's bytes; `undefined` when there is none. */
  readonly body: Uint8Array | undefined
  /** Set by an adapter that stopped reading a body past `maxBodyBytes` (the demo server streams). */
  readonly bodyTooLarge?: boolean
  /** Aborts an injected latency; the answer then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
}

/** What the core answers: a response to send, or an injected network error to simulate. */
export type CoreAnswer =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, string>>; body: string }
  | { kind: 'network-error' }

export interface Core {
  /**
   * Answers one request. `undefined` means the request is not the API's: no route matched and
   * unknown routes pass through.
   */
  handle(request: PlainRequest): Promise<CoreAnswer | undefined>
  /**
   * The endpoint a request routes to (`unknownRoute` when none does), or `undefined` when no
   * route matches and unknown routes pass through. Routing only: no body is read, nothing is
   * counted or journaled (`handlersByEndpoint` asks it before reading a body).
   * @param path The path as sent, query included or not.
   */
  route(method: string, path: string, basePath: string): EndpointName | undefined
}

/** Everything the pipeline works with, wired by `createVoiceableMock`. */
export interface CoreRuntime {
  store: VoiceableStore
  rateLimiter: RateLimiter | undefined
  faults: FaultInjector
  journal: Journal
  publicKeyAccess: PublicKeyAccess
  revealKeyValues: boolean
  maxBodyBytes: number
  unknownRoutes: 'not-found' | 'passthrough'
  /** The mock's clock: journal times follow it, like every other timestamp. */
  now: () => Date
  /** Switches the store, and everything kept per scenario, to another scenario. */
  useScenario(scenario: Scenario): void
  /**
   * Told after every answer that may have changed the store: a 2xx to a method other than GET,
   * HEAD and OPTIONS (the demo server persists on it). Called after the journal entry is added.
   */
  onWrite?: (() => void) | undefined
}

const CONTENT_TYPE = 'application/json; charset=utf-8'

/** A row of the table; `undefined` stands for `unknownRoute`, which no row describes. */
type Routed = (typeof ENDPOINTS)[number] | undefined

function checkPublicKey(
  access: EndpointAccess,
  principal: Principal,
  policy: PublicKeyAccess,
): void {
  if (principal.keyType !== 'public' || policy === 'full-access') return
  if (!limitsPublicKeys(access)) return
  if (policy === 'forbidden') throw new ApiError('forbidden', [ERROR_MESSAGES.publicKeyForbidden])
  if (access === 'write') throw new ApiError('forbidden', [ERROR_MESSAGES.publicKeyReadOnly])
}

/** The path under `basePath`, or `undefined` when the path is not under it (compared exactly). */
function underBase(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined
  const rest = pathname.slice(basePath.length)
  return rest === '' || rest.startsWith('/') ? rest : undefined
}

/**
 * What a resolver sees (`EndpointContext`), one per request. A class rather than an object
 * literal: the query is parsed only when read, and every request's context has one shape.
 */
class RequestContext implements EndpointContext {
  readonly store: VoiceableStore
  readonly principal: Principal | undefined
  readonly params: Readonly<Record<string, string>>
  readonly revealKeyValues: boolean
  readonly #search: string
  readonly #request: PlainRequest

  constructor(
    store: VoiceableStore,
    principal: Principal | undefined,
    params: Readonly<Record<string, string>>,
    search: string,
    request: PlainRequest,
    revealKeyValues: boolean,
  ) {
    this.store = store
    this.principal = principal
    this.params = params
    this.revealKeyValues = revealKeyValues
    this.#search = search
    this.#request = request
  }

  get query(): URLSearchParams {
    return new URLSearchParams(this.#search)
  }

  fields(wrapper: string): Record<string, unknown> {
    return readWrapper(this.#request.body, this.#request.header('content-type'), wrapper)
  }
}

/**
 * Creates the transport-neutral core: one function from a plain request to a plain answer, in
 * this order for every request on every transport:
 * route → 413 → scenario header → authenticate (not for `anonymous` endpoints) → rate count →
 * faults → 401 / 429 → public-key policy → resolve (body parse inside) → envelope → journal.
 * Failures thrown as `ApiError` become the API's error envelope; anything else becomes a 500 in
 * the same envelope, never a crash. Every response carries the rate-limit headers once a caller
 * has been counted.
 */
export function createCore(runtime: CoreRuntime): Core {
  const router = createRouter(ENDPOINTS)
  const { store } = runtime

  async function answer(
    request: PlainRequest,
    endpoint: Routed,
    pathname: string,
    params: Record<string, string>,
    query: string,
  ): Promise<CoreAnswer> {
    const name: EndpointName = endpoint?.name ?? UNKNOWN_ROUTE
    const startedAt = runtime.now().getTime()
    // `durationMs` stays on a monotonic clock: a fixed or moving `now` says nothing about it.
    const started = performance.now()
    let principal: Principal | undefined
    let rate: RateLimitState | undefined
    let status: number
    let body: unknown
    let extraHeaders: Readonly<Record<string, string>> | undefined
    let networkError = false
    // @note A body over the limit is never read in full (the demo server stops at the limit), so
    // the journal records none, on every transport alike.
    const tooLarge =
      request.bodyTooLarge === true || (request.body?.byteLength ?? 0) > runtime.maxBodyBytes
    try {
      if (tooLarge) {
        throw new ApiError('payload_too_large', [
          ERROR_MESSAGES.payloadTooLarge(runtime.maxBodyBytes),
        ])
      }
      selectScenario(request.header(SCENARIO_HEADER_LOWER))
      // An unknown route needs no credential, but it is rate-counted like any request (as a
      // Rack rate limiter in front of Rails' router would count it).
      const access: EndpointAccess = endpoint?.access ?? 'public'
      // @note Credentials of an `anonymous` endpoint (sign in, sign up) are not even read: the
      // request counts against the shared anonymous bucket, whatever token it carries.
      const pending = access === 'anonymous' ? NO_CALLER : resolveCaller(request.header, store)
      const caller = pending instanceof Promise ? await pending : pending
      principal = caller.ok ? caller.principal : undefined
      rate = runtime.rateLimiter?.hit(
        principal === undefined ? 'anonymous' : `user:${principal.user.id}`,
        startedAt,
      )

      const fault = runtime.faults.apply(name, principal, request.signal)
      const outcome = fault === undefined ? undefined : await fault
      networkError = outcome === 'network-error'
      // An injected rate-limit fault answers as a used-up window would: the same 429 and headers.
      if (outcome === 'rate-limited' && rate !== undefined)
        rate = { ...rate, remaining: 0, exceeded: true }
      if (networkError) {
        status = 0
        body = null
      } else {
        if (!caller.ok && requiresCaller(access))
          throw new ApiError('unauthorized', [caller.reason])
        if (rate?.exceeded === true) {
          throw new ApiError(
            'rate_limited',
            [ERROR_MESSAGES.rateLimited(rate.limit, rate.windowSeconds, rate.retryAfter)],
            {
              headers: { 'Retry-After': String(rate.retryAfter) },
            },
          )
        }
        if (endpoint === undefined) {
          throw new ApiError('route_not_found', [
            ERROR_MESSAGES.routeNotFound(request.method, pathname),
          ])
        }
        if (principal !== undefined) checkPublicKey(access, principal, runtime.publicKeyAccess)
        const context = new RequestContext(
          store,
          principal,
          params,
          query,
          request,
          runtime.revealKeyValues,
        )
        const resolved: EndpointResult | Promise<EndpointResult> = endpoint.resolve(context)
        const result = resolved instanceof Promise ? await resolved : resolved
        status = result.status
        body = result.body
      }
    } catch (error) {
      // An abort during an injected latency rejects the whole request, as `fetch` does.
      if (request.signal?.aborted === true && error === request.signal.reason) throw error
      const apiError = error instanceof ApiError ? error : ApiError.internal(error)
      status = apiError.status
      body = apiError.toBody()
      extraHeaders = apiError.headers
    }

    const text = networkError ? null : JSON.stringify(body)
    runtime.journal.add({
      seq: 0,
      endpoint: name,
      method: request.method,
      path: pathname,
      keyId: toRecordId(params['keyId']) ?? null,
      agentId: toAgentId(params['agentId']) ?? null,
      body: tooLarge ? undefined : request.body,
      userId: principal?.user.id ?? null,
      credential: toCredential(principal),
      status,
      responseText: text,
      time: startedAt,
      durationMs: performance.now() - started,
    })
    if (status >= 200 && status < 300 && !READ_METHODS.has(request.method)) runtime.onWrite?.()
    if (text === null) return { kind: 'network-error' }
    // @note Content-Length, as a real server and msw's HttpResponse.json send it. Without it msw 3
    // (which mocks the socket) cannot keep the connection alive: fetch opened a new TLS socket
    // for every request, 1.5× the cost of the request itself (bench/RESULTS.md).
    const length = String(utf8ByteLength(text))
    const headers: Record<string, string> =
      rate === undefined
        ? { 'Content-Type': CONTENT_TYPE, 'Content-Length': length }
        : {
            'Content-Type': CONTENT_TYPE,
            'Content-Length': length,
            'X-RateLimit-Limit': String(rate.limit),
            'X-RateLimit-Remaining': String(rate.remaining),
            'X-RateLimit-Reset': String(rate.reset),
          }
    if (extraHeaders !== undefined) Object.assign(headers, extraHeaders)
    // @note A HEAD answers as its GET would, headers and `Content-Length` included, with no
    // body (Rack::Head); the journal keeps the body the GET would have sent.
    return { kind: 'response', status, headers, body: request.method === 'HEAD' ? '' : text }
  }

  /** The scenario header switches the store when it names another scenario; an unknown name is 400. */
  function selectScenario(requested: string | undefined): void {
    if (requested === undefined || requested === store.scenario) return
    if (!isScenario(requested))
      throw new ApiError('bad_request', [ERROR_MESSAGES.unknownScenario(requested)])
    runtime.useScenario(requested)
  }

  /** The route of a request, or `undefined` when its path is not under the base path. */
  function routeOf(method: string, pathname: string, basePath: string) {
    // @note Repeated slashes collapse before anything is compared, as Rails' router does.
    const routePath = underBase(
      pathname.includes('//') ? pathname.replace(/\/{2,}/g, '/') : pathname,
      basePath,
    )
    return routePath === undefined ? undefined : router.match(method, routePath)
  }

  return {
    handle(request) {
      const queryAt = request.path.indexOf('?')
      const pathname = queryAt < 0 ? request.path : request.path.slice(0, queryAt)
      const query = queryAt < 0 ? '' : request.path.slice(queryAt + 1)
      const match = routeOf(request.method, pathname, request.basePath)
      if (match === undefined && runtime.unknownRoutes === 'passthrough')
        return Promise.resolve(undefined)
      return answer(request, match?.endpoint, pathname, match?.params ?? {}, query)
    },
    route(method, path, basePath) {
      const queryAt = path.indexOf('?')
      const match = routeOf(method, queryAt < 0 ? path : path.slice(0, queryAt), basePath)
      if (match === undefined)
        return runtime.unknownRoutes === 'passthrough' ? undefined : UNKNOWN_ROUTE
      return match.endpoint.name
    },
  }
}

const SCENARIO_HEADER_LOWER = SCENARIO_HEADER.toLowerCase()

/** Methods that never change the store: a 2xx answer to them is no write. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The caller of an endpoint that reads no credential. */
const NO_CALLER: CallerResult = { ok: false, reason: ERROR_MESSAGES.missingCredentials }
