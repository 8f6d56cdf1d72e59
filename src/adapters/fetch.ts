import type { Core, CoreAnswer } from '../pipeline/plain-request.js'
import { normalizeBaseUrl, reachesBasePath, type BaseUrl } from './base-url.js'

/** The methods `fetch` upper-cases (the Fetch standard's "normalize"); `patch` stays as written. */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])

function normalizeMethod(method: string | undefined): string {
  if (method === undefined) return 'GET'
  const upper = method.toUpperCase()
  return NORMALIZED_METHODS.has(upper) ? upper : method
}

/** The page's location, where there is one (a browser, a worker, jsdom); never in plain Node. */
function currentLocation(): string | undefined {
  const location = (globalThis as { location?: { href?: unknown } }).location
  return typeof location?.href === 'string' ? location.href : undefined
}

interface ResolvedBase {
  origin: string
  path: string
}

/**
 * The base URLs as origin and path, resolved against the page's location (same-origin bases);
 * a same-origin base with no page to resolve it against is left out. Kept until the location changes.
 */
function createBaseResolver(baseUrls: readonly BaseUrl[]): () => readonly ResolvedBase[] {
  let cachedFor: string | undefined | null = null
  let cached: ResolvedBase[] = []
  return () => {
    const location = currentLocation()
    if (location === cachedFor) return cached
    cachedFor = location
    cached = baseUrls.flatMap((base) => {
      if (base.startsWith('/') && location === undefined) return []
      const url = new URL(base, location)
      return [{ origin: url.origin, path: normalizeBaseUrl(url.pathname) }]
    })
    return cached
  }
}

function toResponse(
  answer: Extract<CoreAnswer, { kind: 'response' }>,
  method: string,
  url: string,
): Response {
  const response = new Response(method === 'HEAD' ? null : answer.body, {
    status: answer.status,
    headers: answer.headers,
  })
  // A constructed Response has an empty `url`; a fetched one says where it came from.
  Object.defineProperty(response, 'url', { value: url })
  return response
}

interface Outgoing {
  url: URL
  method: string
  headers: Headers
  body: Uint8Array | undefined
  signal: AbortSignal | undefined
}

const encoder = new TextEncoder()

/**
 * `fetch`'s arguments as one request. The common case (a URL, and a string body or none) is read
 * directly; anything else (a `Request`, a `Blob`, `FormData`, a stream) goes through a `Request`,
 * which applies the Fetch standard's rules for bodies and their content types.
 */
async function toOutgoing(
  input: string | URL | Request,
  init: RequestInit | undefined,
): Promise<Outgoing> {
  const location = currentLocation()
  const isRequest = input instanceof Request
  const text = input instanceof Request ? input.url : input instanceof URL ? input.href : input
  let url: URL
  try {
    url = new URL(text, location)
  } catch {
    throw new TypeError(
      location === undefined
        ? `Failed to fetch ${text}: a relative URL needs a page to resolve against (globalThis.location), and there is none; pass an absolute URL`
        : `Failed to fetch ${text}: not a valid URL`,
    )
  }
  const body = init?.body
  const method = normalizeMethod(init?.method)
  // Other methods go through `Request`, which refuses the ones `fetch` refuses (CONNECT, TRACE, bad tokens).
  const plainMethod = NORMALIZED_METHODS.has(method) || method === 'PATCH'
  if (
    !isRequest &&
    plainMethod &&
    (body === undefined || body === null || typeof body === 'string')
  ) {
    const headers = new Headers(init?.headers)
    if (typeof body === 'string' && !headers.has('content-type'))
      headers.set('Content-Type', 'text/plain;charset=UTF-8')
    if (typeof body === 'string' && (method === 'GET' || method === 'HEAD')) {
      throw new TypeError('Failed to fetch: a request with a GET or HEAD method cannot have a body')
    }
    const bytes = typeof body === 'string' && body !== '' ? encoder.encode(body) : undefined
    return { url, method, headers, body: bytes, signal: init?.signal ?? undefined }
  }
  const request = new Request(isRequest ? input : url, init)
  const bytes = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer())
  return {
    url,
    method: request.method,
    headers: request.headers,
    body: bytes === undefined || bytes.byteLength === 0 ? undefined : bytes,
    signal: request.signal,
  }
}

/**
 * The `fetch` adapter: a function typed `typeof fetch` that answers from the core with no msw
 * and no network, for code that takes a custom fetch (openapi-fetch, ofetch, a client's
 * constructor). A URL outside the base URLs rejects with a `TypeError` that names it, so a test
 * never reaches the network by mistake; an injected network error rejects as browsers do.
 */
export function createMockFetch(core: Core, baseUrls: readonly BaseUrl[]): typeof fetch {
  const resolvedBases = createBaseResolver(baseUrls)
  const outside = (url: URL, reason: string): TypeError =>
    new TypeError(
      `Failed to fetch ${url.href}: ${reason} (voiceable-mock answers under ${baseUrls.join(', ')})`,
    )

  async function mockFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const request = await toOutgoing(input, init)
    const { url, signal } = request
    signal?.throwIfAborted()
    // The longest base first, so that `/api/v1` wins over `/api` for `/api/v1/api_keys`.
    let basePath: string | undefined
    for (const base of resolvedBases()) {
      if (base.origin !== url.origin || !reachesBasePath(url.pathname, base.path)) continue
      if (basePath === undefined || base.path.length > basePath.length) basePath = base.path
    }
    if (basePath === undefined) throw outside(url, 'the URL is outside the base URLs')

    const answer = await core.handle({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      basePath,
      origin: url.origin,
      header: (name) => request.headers.get(name) ?? undefined,
      body: request.body,
      signal,
    })
    if (answer === undefined)
      throw outside(url, `no endpoint answers ${request.method} ${url.pathname}`)
    if (answer.kind === 'network-error') throw new TypeError('Failed to fetch')
    // The core may have finished in the same turn as an abort: the caller asked for no answer.
    signal?.throwIfAborted()
    return toResponse(answer, request.method, url.href)
  }
  return mockFetch
}
