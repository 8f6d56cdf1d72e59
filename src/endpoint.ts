import { resolveCaller } from './auth.js'
import type { PublicKeyAccess } from './defaults.js'
import { ApiError, ERROR_MESSAGES } from './errors.js'
import { toRateLimitHeaders, type RateLimiter, type RateLimitState } from './rate-limit.js'
import type { Principal, VoiceableStore } from './store.js'

/** The endpoints, by the names used in the handler record, the journal and fault filters. */
export const ENDPOINT_NAMES = ['listApiKeys', 'createApiKey', 'getApiKey', 'updateApiKey', 'deleteApiKey', 'unknownRoute'] as const
export type EndpointName = (typeof ENDPOINT_NAMES)[number]

/** What a resolver sees once the caller is authenticated and within the rate limit. */
export interface EndpointContext {
  request: Request
  params: Readonly<Record<string, string | readonly string[] | undefined>>
  /** `undefined` only on endpoints that do not require authentication. */
  principal: Principal | undefined
}

export interface EndpointResult {
  status: number
  body: unknown
}

export interface EndpointDefinition {
  name: EndpointName
  /** `read` and `write` require authentication; `none` does not (the unknown-route answer). */
  access: 'read' | 'write' | 'none'
  resolve(context: EndpointContext): Promise<EndpointResult> | EndpointResult
}

/** What every endpoint shares: the store, the limiter, the policy, and hooks around each request. */
export interface EndpointRuntime {
  store: VoiceableStore
  rateLimiter: RateLimiter | undefined
  publicKeyAccess: PublicKeyAccess
  /**
   * Runs after authentication and rate counting: may delay, throw an `ApiError` (an injected
   * error status), return a `Response` to answer instead (a network error), or do nothing.
   */
  beforeRequest?(name: EndpointName, principal: Principal | undefined): Promise<Response | undefined> | undefined
  /** Runs first: switches the store's scenario when the request asks for one (may throw a 400). */
  selectScenario?(request: Request): void
  /** Runs last with everything the request did, for the request journal. */
  afterResponse?(record: HandledRequest): void
}

/** One request as an endpoint handled it. */
export interface HandledRequest {
  endpoint: EndpointName
  request: Request
  params: EndpointContext['params']
  principal: Principal | undefined
  /** The request body's text, read from a copy taken before the endpoint consumed it. */
  bodyText: string
  /** `0` for an injected network error. */
  status: number
  /** `null` for an injected network error. */
  body: unknown
  startedAt: number
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' } as const

function checkPublicKey(access: EndpointDefinition['access'], principal: Principal, policy: PublicKeyAccess): void {
  if (principal.keyType !== 'public' || access === 'none' || policy === 'full-access') return
  if (policy === 'forbidden') throw new ApiError('forbidden', [ERROR_MESSAGES.publicKeyForbidden])
  if (access === 'write') throw new ApiError('forbidden', [ERROR_MESSAGES.publicKeyReadOnly])
}

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS'])

/**
 * Wraps an endpoint in the pipeline every request goes through, in this order:
 * authenticate → count against the rate limit → faults → 401 / 429 → public-key policy → resolve.
 * Failures thrown as `ApiError` become the API's error envelope; anything else becomes a 500
 * in the same envelope, never a crash. Every response carries the rate-limit headers.
 */
export function createEndpointResolver(definition: EndpointDefinition, runtime: EndpointRuntime) {
  return async ({ request, params }: { request: Request; params: EndpointContext['params'] }): Promise<Response> => {
    const startedAt = Date.now()
    const bodyCopy = runtime.afterResponse === undefined || BODYLESS_METHODS.has(request.method) ? undefined : request.clone()
    let principal: Principal | undefined
    let rate: RateLimitState | undefined
    let result: EndpointResult
    let headers: Record<string, string> = JSON_HEADERS
    let response: Response | undefined
    try {
      runtime.selectScenario?.(request)
      const caller = await resolveCaller(request.headers, runtime.store)
      principal = caller.ok ? caller.principal : undefined
      rate = runtime.rateLimiter?.hit(principal === undefined ? 'anonymous' : `user:${principal.user.id}`)
      if (rate !== undefined) headers = { ...headers, ...toRateLimitHeaders(rate) }

      response = await runtime.beforeRequest?.(definition.name, principal)
      if (response !== undefined) result = { status: 0, body: null }
      else {
        if (!caller.ok && definition.access !== 'none') throw new ApiError('unauthorized', [caller.reason])
        if (rate?.exceeded) {
          throw new ApiError('rate_limited', [ERROR_MESSAGES.rateLimited(rate.limit, rate.windowSeconds, rate.retryAfter)], {
            headers: { 'Retry-After': String(rate.retryAfter) },
          })
        }
        if (principal !== undefined) checkPublicKey(definition.access, principal, runtime.publicKeyAccess)
        result = await definition.resolve({ request, params, principal })
      }
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError('internal_error', [ERROR_MESSAGES.internalError], { details: String(error) })
      result = { status: apiError.status, body: apiError.toBody() }
      headers = { ...headers, ...apiError.headers }
    }
    if (runtime.afterResponse !== undefined) {
      const bodyText = bodyCopy === undefined ? '' : await bodyCopy.text().catch(() => '')
      runtime.afterResponse({ endpoint: definition.name, request, params, principal, bodyText, status: result.status, body: result.body, startedAt })
    }
    return response ?? new Response(JSON.stringify(result.body), { status: result.status, headers })
  }
}
