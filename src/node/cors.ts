/**
 * CORS for the demo server, so a dev app on another origin (a Vite app on :5173 calling :3000
 * with `credentials: 'include'`, as the Voiceable web client does) can reach it.
 */

import type { ServerResponse } from 'node:http'
import { ENDPOINTS } from '../resources/index.js'
import { toRoutedMethods } from '../pipeline/router.js'
import { SCENARIO_HEADER } from '../store/scenario-names.js'
import { SESSION_HEADER } from './sessions.js'

/**
 * Request headers every preflight allows: both credential headers, the JSON body's type, the
 * scenario switch and the session (a page sends it with Playwright's `extraHTTPHeaders`).
 */
export const CORS_ALLOWED_HEADERS = [
  'X-API-Key',
  'Authorization',
  'Content-Type',
  SCENARIO_HEADER,
  SESSION_HEADER,
] as const

/** Response headers a page may read: the rate-limit headers and `Retry-After` of a 429. */
export const CORS_EXPOSED_HEADERS = [
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
] as const

/**
 * Methods a preflight allows: exactly the methods the router answers (`HEAD` and `PATCH`
 * included), derived from the endpoint table. Others still reach the API, which answers its 404.
 */
export const CORS_ALLOWED_METHODS: readonly string[] = toRoutedMethods(ENDPOINTS)

/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE_SECONDS = 600

/** An HTTP token (RFC 9110): what a header name may be made of. */
const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/

/** The request headers CORS looks at, lower-cased as Node gives them. */
export interface CorsRequestHeaders {
  origin?: string | undefined
  'access-control-request-method'?: string | undefined
  'access-control-request-headers'?: string | undefined
}

/** What a request without an `Origin` gets: only `Vary`, one shared object (read, never written). */
const NO_ORIGIN: Readonly<Record<string, string>> = Object.freeze({ Vary: 'Origin' })

/** A preflight is an `OPTIONS` with an `Origin` and an `Access-Control-Request-Method`. */
export function isPreflight(method: string, headers: CorsRequestHeaders): boolean {
  return (
    method === 'OPTIONS' &&
    headers.origin !== undefined &&
    headers['access-control-request-method'] !== undefined
  )
}

/**
 * The CORS headers of a response. The `Origin` is reflected (any origin may call, with
 * credentials); a request without `Origin` gets only `Vary`. A preflight also gets the allowed
 * methods and headers: the fixed list plus whatever else the page asked for, as rack-cors'
 * `headers: :any` does.
 */
export function toCorsHeaders(
  headers: CorsRequestHeaders,
  preflight: boolean,
): Readonly<Record<string, string>> {
  const origin = headers.origin
  if (origin === undefined) return NO_ORIGIN
  const cors: Record<string, string> = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    Vary: 'Origin',
  }
  if (!preflight)
    return { ...cors, 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', ') }
  const allowed = new Map<string, string>(
    CORS_ALLOWED_HEADERS.map((name) => [name.toLowerCase(), name]),
  )
  for (const raw of (headers['access-control-request-headers'] ?? '').split(',')) {
    const name = raw.trim()
    if (TOKEN.test(name) && !allowed.has(name.toLowerCase())) allowed.set(name.toLowerCase(), name)
  }
  return {
    ...cors,
    'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS.join(', '),
    'Access-Control-Allow-Headers': [...allowed.values()].join(', '),
    'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS),
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  }
}

/**
 * CORS for one request: a preflight is answered here (204) and gets `undefined`; any other
 * request gets the CORS headers its answer must carry.
 */
export function answerPreflight(
  method: string,
  headers: CorsRequestHeaders,
  res: ServerResponse,
): Readonly<Record<string, string>> | undefined {
  const preflight = isPreflight(method, headers)
  const cors = toCorsHeaders(headers, preflight)
  if (!preflight) return cors
  res.writeHead(204, cors).end()
  return undefined
}
