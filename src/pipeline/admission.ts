/**
 * The admission of a request: everything the pipeline does before the resolver runs, in order —
 * the size limit, the scenario header, the caller, the rate count, the faults, then 401, 429,
 * the unknown route's 404 and the public-key policy.
 */
import type { PublicKeyAccess } from '../defaults.js'
import type { EndpointName } from '../resources/index.js'
import { SCENARIO_HEADER, isScenario } from '../store/scenario-names.js'
import type { CoreRuntime } from './runtime.js'
import { resolveCaller, type CallerResult } from './credentials.js'
import {
  limitsPublicKeys,
  requiresCaller,
  UNKNOWN_ROUTE,
  type AnyEndpoint,
  type EndpointAccess,
  type RouteParams,
} from './endpoint.js'
import { ApiError, PIPELINE_MESSAGES } from './envelope.js'
import type { PlainRequest } from './plain-request.js'
import type { Principal } from './principal.js'
import type { RateLimitState } from './rate-limit.js'
import { REASONS } from './reasons.js'

const SCENARIO_HEADER_LOWER = SCENARIO_HEADER.toLowerCase()

/** The caller of an endpoint that reads no credential. */
const NO_CALLER: CallerResult = { ok: false, reason: PIPELINE_MESSAGES.missingCredentials }

/** A request once routed: its endpoint (`undefined` for `unknownRoute`) and path parts. */
export interface Routed {
  endpoint: AnyEndpoint | undefined
  pathname: string
  params: RouteParams
  query: string
}

/** What a request was answered with, before it becomes a `CoreAnswer`. */
export interface Outcome {
  principal: Principal | undefined
  rate: RateLimitState | undefined
  /** `0` for an injected network error. */
  status: number
  body: unknown
  headers: Readonly<Record<string, string>> | undefined
  /** Why, in one sentence (`REASONS`), once known; the core words successes and other errors. */
  reason: string | undefined
}

function checkPublicKey(
  access: EndpointAccess,
  principal: Principal,
  policy: PublicKeyAccess,
): void {
  if (principal.keyType !== 'public' || policy === 'full-access') return
  if (!limitsPublicKeys(access)) return
  if (policy === 'forbidden')
    throw new ApiError('forbidden', [PIPELINE_MESSAGES.publicKeyForbidden], {
      reason: REASONS.publicKeyForbidden,
    })
  if (access === 'write')
    throw new ApiError('forbidden', [PIPELINE_MESSAGES.publicKeyReadOnly], {
      reason: REASONS.publicKeyReadOnly,
    })
}

/**
 * Everything before the resolver, as one function: the size limit, the scenario header, the
 * caller, the rate count and the faults, each of which may answer the request itself (by
 * throwing). It fills in `outcome.principal` and `outcome.rate` as it learns them, so that an
 * error still reports them, and says `true` when an injected network error is the answer.
 */
export function createAdmission(runtime: CoreRuntime) {
  const { store } = runtime
  /** The scenario header switches the store when it names another scenario; an unknown name is 400. */
  function selectScenario(requested: string | undefined): void {
    if (requested === undefined || requested === store.scenario) return
    if (!isScenario(requested))
      throw new ApiError('bad_request', [PIPELINE_MESSAGES.unknownScenario(requested)], {
        reason: REASONS.unknownScenario(requested),
      })
    runtime.useScenario(requested)
  }

  // @note Synchronous unless a step waits (a token's signature, an injected latency): an `await`
  // per request cost the demo server a microtask turn each, which a hand-written server never pays.
  function admit(
    request: PlainRequest,
    routed: Routed,
    outcome: Outcome,
    startedAt: number,
  ): boolean | Promise<boolean> {
    const { endpoint } = routed
    if (request.bodyTooLarge === true || (request.body?.byteLength ?? 0) > runtime.maxBodyBytes)
      throw new ApiError(
        'payload_too_large',
        [PIPELINE_MESSAGES.payloadTooLarge(runtime.maxBodyBytes)],
        { reason: REASONS.payloadTooLarge(runtime.maxBodyBytes) },
      )
    selectScenario(request.header(SCENARIO_HEADER_LOWER))
    // An unknown route needs no credential, but it is rate-counted like any request (as a Rack
    // rate limiter in front of Rails' router would count it).
    const access: EndpointAccess = endpoint?.access ?? 'public'
    // @note Credentials of an `anonymous` endpoint (sign in, sign up) are not even read: the
    // request counts against the shared anonymous bucket, whatever token it carries.
    const pending = access === 'anonymous' ? NO_CALLER : resolveCaller(request.header, store)
    const withCaller = (caller: CallerResult): boolean | Promise<boolean> => {
      const principal = caller.ok ? caller.principal : undefined
      outcome.principal = principal
      const rate = runtime.rateLimiter?.hit(
        principal === undefined ? 'anonymous' : `user:${principal.user.id}`,
        startedAt,
      )
      outcome.rate = rate
      const name = (endpoint?.name ?? UNKNOWN_ROUTE) as EndpointName
      const fault = runtime.faults.apply(name, principal, request.signal)
      const withFault = (injected: Awaited<typeof fault>): boolean => {
        if (injected === 'network-error') {
          outcome.reason = REASONS.injectedNetworkError(name)
          return true
        }
        check(request, routed, outcome, { access, caller, principal, rate, name, injected })
        return false
      }
      return fault === undefined ? withFault(undefined) : fault.then(withFault)
    }
    return pending instanceof Promise ? pending.then(withCaller) : withCaller(pending)
  }

  /** After the caller and any injected fault: the errors that answer instead of the endpoint. */
  function check(
    request: PlainRequest,
    routed: Routed,
    outcome: Outcome,
    found: {
      access: EndpointAccess
      caller: CallerResult
      principal: Principal | undefined
      rate: RateLimitState | undefined
      name: EndpointName
      injected: unknown
    },
  ): void {
    const { endpoint } = routed
    const { access, caller, principal, name, injected } = found
    let { rate } = found
    // An injected rate-limit fault answers as a used-up window would: the same 429 and headers.
    if (injected === 'rate-limited' && rate !== undefined)
      outcome.rate = rate = { ...rate, remaining: 0, exceeded: true }
    if (!caller.ok && requiresCaller(access))
      throw new ApiError('unauthorized', [caller.reason], {
        reason:
          caller.reason === PIPELINE_MESSAGES.missingCredentials
            ? REASONS.noCredential
            : REASONS.unauthorized(caller.reason),
      })
    if (rate?.exceeded === true)
      throw new ApiError(
        'rate_limited',
        [PIPELINE_MESSAGES.rateLimited(rate.limit, rate.windowSeconds, rate.retryAfter)],
        {
          headers: { 'Retry-After': String(rate.retryAfter) },
          reason:
            injected === 'rate-limited'
              ? REASONS.injectedRateLimit(name)
              : REASONS.rateLimited(rate.count, rate.limit, rate.windowSeconds),
        },
      )
    if (endpoint === undefined)
      throw new ApiError(
        'route_not_found',
        [PIPELINE_MESSAGES.routeNotFound(request.method, routed.pathname)],
        { reason: REASONS.routeNotFound(request.method, routed.pathname) },
      )
    if (principal !== undefined) checkPublicKey(access, principal, runtime.publicKeyAccess)
  }
  return admit
}
