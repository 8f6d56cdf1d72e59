/**
 * The transport-neutral core: one function from a plain request to a plain answer, whatever the
 * transport (msw, `mock.fetch`, the demo server).
 */
import { utf8ByteLength } from '../internal/utf8.js'
import type { EndpointName } from '../resources/index.js'
import { toCredential } from '../toolkit/journal.js'
import { createAdmission, type Outcome, type Routed } from './admission.js'
import { UNKNOWN_ROUTE, type AnyEndpoint, type EndpointResult } from './endpoint.js'
import { ApiError, JSON_CONTENT_TYPE } from './envelope.js'
import type { Core, CoreAnswer, PlainRequest } from './plain-request.js'
import { splitPath } from './plain-request.js'
import { toRateLimitHeaders } from './rate-limit.js'
import { RawReply } from './raw-reply.js'
import { RequestContext } from './request-context.js'
import { REASONS } from './reasons.js'
import { createRouter } from './router.js'
import type { CoreRuntime } from './runtime.js'

export type { CoreRuntime }

/** Methods that never change the store: a 2xx answer to them is no write. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The path parameters of a request that has none (shared: the journal keeps it as it is). */
const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({})

/** The path under `basePath`, or `undefined` when the path is not under it (compared exactly). */
function underBase(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined
  const rest = pathname.slice(basePath.length)
  return rest === '' || rest.startsWith('/') ? rest : undefined
}

/** The headers of an answer: the JSON content type and length, the rate limit once counted. */
function headersOf(text: string, outcome: Outcome): Record<string, string> {
  // @note Content-Length, as a real server and msw's HttpResponse.json send it. Without it msw 3
  // (which mocks the socket) cannot keep the connection alive: fetch opened a new TLS socket
  // for every request, 1.5× the cost of the request itself (bench/RESULTS.md).
  const length = String(utf8ByteLength(text))
  const { rate } = outcome
  const headers: Record<string, string> = {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': length,
  }
  if (rate !== undefined) Object.assign(headers, toRateLimitHeaders(rate))
  if (outcome.headers !== undefined) Object.assign(headers, outcome.headers)
  return headers
}

/** The answer's body as the journal keeps it: the JSON sent, or what a `RawReply` was. */
function journalTextOf(body: unknown): string {
  return body instanceof RawReply ? body.toJournalText() : JSON.stringify(body)
}

/** The headers of a `RawReply`: its media type and length, the rate limit once counted. */
function rawHeadersOf(raw: RawReply, outcome: Outcome): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': raw.contentType,
    'Content-Length': String(raw.bytes.byteLength),
  }
  if (outcome.rate !== undefined) Object.assign(headers, toRateLimitHeaders(outcome.rate))
  return headers
}

/**
 * The response to send: the JSON text, or a `RawReply`'s bytes. @note A HEAD answers as its GET
 * would, headers and `Content-Length` included, with no body (Rack::Head); the journal keeps the
 * body the GET would have sent.
 */
function toAnswer(method: string, outcome: Outcome, text: string): CoreAnswer {
  const raw = outcome.body instanceof RawReply ? outcome.body : undefined
  return {
    kind: 'response',
    status: outcome.status,
    headers: raw === undefined ? headersOf(text, outcome) : rawHeadersOf(raw, outcome),
    body: method === 'HEAD' ? '' : (raw?.bytes ?? text),
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
  const router = createRouter(runtime.endpoints)
  const { store } = runtime
  const admit = createAdmission(runtime)

  async function answer(request: PlainRequest, routed: Routed): Promise<CoreAnswer> {
    const startedAt = runtime.now().getTime()
    // `durationMs` stays on a monotonic clock: a fixed or moving `now` says nothing about it.
    const started = performance.now()
    const outcome: Outcome = {
      principal: undefined,
      rate: undefined,
      status: 0,
      body: null,
      headers: undefined,
      reason: undefined,
    }
    let networkError = false
    try {
      const admitted = admit(request, routed, outcome, startedAt)
      networkError = admitted instanceof Promise ? await admitted : admitted
      if (!networkError) {
        const context = new RequestContext(
          store,
          outcome.principal,
          routed.params,
          routed.query,
          request,
          runtime.revealKeyValues,
          runtime.recordOwner,
        )
        const resolved = (routed.endpoint as AnyEndpoint).resolve(context)
        const result: EndpointResult = resolved instanceof Promise ? await resolved : resolved
        outcome.status = result.status
        outcome.body = result.body
        outcome.reason = REASONS.answered(
          result.status,
          (routed.endpoint as AnyEndpoint).name,
          outcome.principal,
          result.body,
        )
      }
    } catch (error) {
      // An abort during an injected latency rejects the whole request, as `fetch` does.
      if (request.signal?.aborted === true && error === request.signal.reason) throw error
      const apiError = error instanceof ApiError ? error : ApiError.internal(error)
      outcome.status = apiError.status
      outcome.body = apiError.toBody()
      outcome.headers = apiError.headers
      outcome.reason = apiError.reason ?? REASONS.error(apiError.status, apiError.errors)
    }

    const text = networkError ? null : journalTextOf(outcome.body)
    // @note A body over the limit is never read in full (the demo server stops at the limit), so
    // the journal records none, on every transport alike.
    const tooLarge =
      request.bodyTooLarge === true || (request.body?.byteLength ?? 0) > runtime.maxBodyBytes
    runtime.journal.add({
      seq: 0,
      endpoint: (routed.endpoint?.name ?? UNKNOWN_ROUTE) as EndpointName,
      method: request.method,
      path: routed.pathname,
      params: routed.params,
      body: tooLarge ? undefined : request.body,
      userId: outcome.principal?.user.id ?? null,
      credential: toCredential(outcome.principal),
      status: outcome.status,
      responseText: text,
      time: startedAt,
      durationMs: performance.now() - started,
      reason: outcome.reason ?? null,
    })
    if (outcome.status >= 200 && outcome.status < 300 && !READ_METHODS.has(request.method))
      runtime.onWrite?.()
    return text === null ? { kind: 'network-error' } : toAnswer(request.method, outcome, text)
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
      const { pathname, query } = splitPath(request.path)
      const match = routeOf(request.method, pathname, request.basePath)
      if (match === undefined && runtime.unknownRoutes === 'passthrough')
        return Promise.resolve(undefined)
      return answer(request, {
        endpoint: match?.endpoint,
        pathname,
        params: { raw: match?.params ?? NO_PARAMS, kinds: match?.endpoint.params },
        query,
      })
    },
    route(method, path, basePath) {
      const match = routeOf(method, splitPath(path).pathname, basePath)
      if (match === undefined)
        return runtime.unknownRoutes === 'passthrough' ? undefined : UNKNOWN_ROUTE
      return match.endpoint.name
    },
  }
}
