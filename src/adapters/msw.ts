import { http, type HttpHandler } from 'msw'
import { UNKNOWN_ROUTE } from '../pipeline/endpoint.js'
import type { Core, CoreAnswer, PlainRequest } from '../pipeline/plain-request.js'
import { ENDPOINT_NAMES, type EndpointName } from '../resources/index.js'
import { reachesBasePath, toBasePath, type BaseUrl } from './base-url.js'

/** The handlers keyed by endpoint name, each an array of msw handlers (one per base URL). */
export type HandlerRecord = Record<EndpointName, HttpHandler[]>

/** A core answer as a Fetch `Response`; an injected network error is `Response.error()`. */
function toResponse(answer: CoreAnswer, method: string): Response {
  if (answer.kind === 'network-error') return Response.error()
  return new Response(method === 'HEAD' ? null : answer.body, {
    status: answer.status,
    headers: answer.headers,
  })
}

/** An msw request as the core's plain request. */
async function toPlainRequest(request: Request, url: URL, basePath: string): Promise<PlainRequest> {
  const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD'
  const bytes = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined
  return {
    method: request.method,
    path: `${url.pathname}${url.search}`,
    // A same-origin base (`/api/v1`) was resolved by msw against the page (or getResponse's
    // baseUrl) to get here; its path is the base path.
    basePath,
    origin: url.origin,
    header: (name) => request.headers.get(name) ?? undefined,
    body: bytes === undefined || bytes.byteLength === 0 ? undefined : bytes,
    signal: request.signal,
  }
}

/**
 * The resolver of one handler: it takes the requests whose path reaches its base path (in any
 * case: the core then routes them exactly, so that `/API/V1/api_keys` is the API's 404, not a
 * request nobody answers). With `only`, it answers only the requests the core routes to that
 * endpoint (HEAD and PATCH, `.json` and doubled slashes included), asking before reading a body.
 */
function createResolver(core: Core, base: BaseUrl, only?: EndpointName) {
  const basePath = toBasePath(base)
  return async ({ request }: { request: Request }): Promise<Response | undefined> => {
    const url = new URL(request.url)
    if (!reachesBasePath(url.pathname, basePath)) return undefined
    if (only !== undefined && core.route(request.method, url.pathname, basePath) !== only)
      return undefined
    const answer = await core.handle(await toPlainRequest(request, url, basePath))
    return answer === undefined ? undefined : toResponse(answer, request.method)
  }
}

/**
 * The pattern a base's handlers listen on: every path of its origin (`/*` for a same-origin
 * base). @note Not `<base>/*`: msw 2 matches patterns case-insensitively and msw 3 does not, so
 * `/API/V1/api_keys` would reach the fake on one major and nobody on the other. The resolver
 * decides which paths are the base's, the same way on both.
 */
function patternOf(base: BaseUrl): string {
  const origin = originOf(base)
  return origin === undefined ? '/*' : `${origin}/*`
}

/** The origin of an absolute base URL; `undefined` for a same-origin one (`/api/v1`). */
function originOf(base: BaseUrl): string | undefined {
  return base.startsWith('/') ? undefined : new URL(base).origin
}

/** Whether `outer`'s catch-all (`<outer>/*`) would also catch requests meant for `inner`. */
function covers(outer: BaseUrl, inner: BaseUrl): boolean {
  const [a, b] = [originOf(outer), originOf(inner)]
  return (
    outer !== inner &&
    (a === undefined || b === undefined || a === b) &&
    reachesBasePath(toBasePath(inner), toBasePath(outer))
  )
}

/**
 * The bases in the order their handlers must run. @note A base goes before any base whose
 * catch-all would take its requests: msw tries handlers in order, so `https://x/api/v1/*` must see
 * `/api/v1/api_keys` before `https://x/api/*` does (which would route it as `/v1/api_keys`).
 * Other bases keep the order given, so the first (the documented URL, by default) is tried first:
 * each handler tried before the one that answers costs msw a full parse of the request.
 */
function orderBases(baseUrls: readonly BaseUrl[]): BaseUrl[] {
  const ordered: BaseUrl[] = []
  for (const base of baseUrls) {
    const at = ordered.findIndex((other) => covers(other, base))
    if (at < 0) ordered.push(base)
    else ordered.splice(at, 0, base)
  }
  return ordered
}

/**
 * The msw adapter: `list` holds one catch-all handler per base URL, which hands every request
 * under it to the core (msw runs each handler of a list until one answers, so one handler per
 * base costs one pattern match per request); `record()` builds, once, one handler per endpoint
 * and base URL, keyed by endpoint name, to use or override one alone (a Storybook story), each
 * answering only the requests the core routes to its endpoint, then `unknownRoute`'s catch-alls.
 */
export function createMswHandlers(
  core: Core,
  baseUrls: readonly BaseUrl[],
  unknownRoutes: 'not-found' | 'passthrough',
): { list: HttpHandler[]; record: () => HandlerRecord } {
  const bases = orderBases(baseUrls)
  // @note The catch-alls route through the core too: they answer unknown paths and methods with
  // the API's 404, and any endpoint whose own handler a story replaced or removed.
  const catchAlls = bases.map((base) => http.all(patternOf(base), createResolver(core, base)))
  let record: HandlerRecord | undefined
  // @note Built on first use: every msw handler costs its construction (msw captures a stack
  // trace for each), and most users only ever read `handlers`.
  const buildRecord = (): HandlerRecord => {
    const built = {} as HandlerRecord
    // @note Each endpoint's handlers match every method and path under its base and let the
    // core's router decide: msw's own matching knows nothing of HEAD (`http.get` does not match
    // it), PATCH on update, a `.json` suffix or doubled slashes, all of which Rails routes.
    for (const name of ENDPOINT_NAMES)
      if (name !== UNKNOWN_ROUTE)
        built[name] = bases.map((base) =>
          http.all(patternOf(base), createResolver(core, base, name)),
        )
    built[UNKNOWN_ROUTE] = unknownRoutes === 'passthrough' ? [] : catchAlls
    return built
  }
  return { list: catchAlls, record: () => (record ??= buildRecord()) }
}
