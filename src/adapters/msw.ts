import { http, type HttpHandler } from 'msw'
import type { Core, CoreAnswer, PlainRequest } from '../core.js'
import { ENDPOINTS, UNKNOWN_ROUTE, type EndpointName } from '../endpoints/table.js'
import { toBasePath, type BaseUrl } from './base-url.js'

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
async function toPlainRequest(request: Request, basePath: string): Promise<PlainRequest> {
  const url = new URL(request.url)
  const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD'
  const bytes = hasBody ? new Uint8Array(await request.arrayBuffer()) : undefined
  return {
    method: request.method,
    path: `${url.pathname}${url.search}`,
    // A same-origin base (`/api/v1`) was resolved by msw against the page (or getResponse's
    // baseUrl) to get here; its path is the base path.
    basePath,
    header: (name) => request.headers.get(name) ?? undefined,
    body: bytes === undefined || bytes.byteLength === 0 ? undefined : bytes,
    signal: request.signal,
  }
}

/**
 * The resolver of one handler. With `only`, it answers only the requests the core routes to that
 * endpoint (HEAD and PATCH, `.json` and doubled slashes included), asking before reading a body.
 */
function createResolver(core: Core, base: BaseUrl, only?: EndpointName) {
  const basePath = toBasePath(base)
  return async ({ request }: { request: Request }): Promise<Response | undefined> => {
    if (
      only !== undefined &&
      core.route(request.method, new URL(request.url).pathname, basePath) !== only
    )
      return undefined
    const answer = await core.handle(await toPlainRequest(request, basePath))
    return answer === undefined ? undefined : toResponse(answer, request.method)
  }
}

/**
 * The msw adapter: `list` holds one catch-all handler per base URL, which hands every request
 * under it to the core (msw runs each handler of a list until one answers, so one handler per
 * base costs one pattern match per request); `record` holds one handler per endpoint and base
 * URL, keyed by endpoint name, to use or override one alone (a Storybook story), each answering only the
 * requests the core routes to its endpoint, then `unknownRoute`'s catch-alls.
 */
export function createMswHandlers(
  core: Core,
  baseUrls: readonly BaseUrl[],
  unknownRoutes: 'not-found' | 'passthrough',
): { list: HttpHandler[]; record: HandlerRecord } {
  // @note The longest base first: msw tries handlers in order, so `https://x/api/v1/*` must see
  // `/api/v1/api_keys` before `https://x/api/*` does (which would route it as `/v1/api_keys`).
  const bases = [...baseUrls].sort((a, b) => toBasePath(b).length - toBasePath(a).length)
  const record = {} as HandlerRecord
  // @note Each endpoint's handlers match every method and path under its base and let the core's
  // router decide: msw's own matching knows nothing of HEAD (`http.get` does not match it), PATCH
  // on update, a `.json` suffix or doubled slashes, all of which Rails routes.
  for (const endpoint of ENDPOINTS) {
    record[endpoint.name] = bases.map((base) =>
      http.all(`${base}/*`, createResolver(core, base, endpoint.name)),
    )
  }
  // @note The catch-alls route through the core too: they answer unknown paths and methods with
  // the API's 404, and any endpoint whose own handler a story replaced or removed.
  const catchAlls = bases.map((base) => http.all(`${base}/*`, createResolver(core, base)))
  record[UNKNOWN_ROUTE] = unknownRoutes === 'passthrough' ? [] : catchAlls
  return { list: catchAlls, record }
}
