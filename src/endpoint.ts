import type * as z from 'zod'
import type { ErrorCode } from './envelope.js'
import type { Principal, VoiceableStore } from './store.js'

/**
 * The HTTP methods a table entry declares. The router adds the ones Rails routes beside them:
 * HEAD for every GET, PATCH for every PUT with a path parameter (`router.ts`).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * Who may call an endpoint:
 * - `read` and `write` need a credential, and public keys are held to `publicKeyAccess`;
 * - `self` needs a credential of any kind, public keys included: the caller reads only themselves;
 * - `public` needs none, but reads one when sent (the journal and the rate limit name the caller);
 * - `anonymous` needs none and reads none: `X-API-Key` and `Authorization` are ignored, so a
 *   stale token never turns a sign-in into a 401 (the web app still sends its old one).
 */
export type EndpointAccess = 'anonymous' | 'public' | 'self' | 'read' | 'write'

/** Whether a request without a valid credential gets 401 (`self`, `read` and `write`). */
export function requiresCaller(access: EndpointAccess): boolean {
  return access === 'self' || access === 'read' || access === 'write'
}

/** Whether public keys are held to `publicKeyAccess` (403) on an endpoint (`read` and `write`). */
export function limitsPublicKeys(access: EndpointAccess): boolean {
  return access === 'read' || access === 'write'
}

/** What a resolver sees once the request has passed authentication, the rate limit and faults. */
export interface EndpointContext {
  readonly store: VoiceableStore
  /** The caller; always set on `self`, `read` and `write` endpoints, never on `anonymous` ones. */
  readonly principal: Principal | undefined
  /** The path parameters, percent-decoded (`/api_keys/:keyId` gives `keyId`). */
  readonly params: Readonly<Record<string, string>>
  /** The query string's parameters. */
  readonly query: URLSearchParams
  /**
   * The object inside the JSON body's `wrapper` key, as Rails' `params.require(wrapper)` reads
   * it: malformed JSON is 400; a missing, empty or non-object wrapper is 422. Read lazily, so a
   * resolver decides whether a lookup (404) comes before the body (422), as a `before_action` does.
   */
  fields(wrapper: string): Record<string, unknown>
  /** Reads reveal `key_value` (the `revealKeyValues` option) instead of the documented `null`. */
  readonly revealKeyValues: boolean
}

export interface EndpointResult {
  status: number
  body: unknown
}

/** One row of the endpoint table. */
export interface EndpointDefinition {
  /** The name used by the journal, fault scopes and `handlersByEndpoint`. */
  readonly name: string
  readonly method: HttpMethod
  /** Under the base URL, with `:param` segments: `/api_keys/:keyId`. */
  readonly path: string
  readonly access: EndpointAccess
  /** The success status and the wire schema of its body. */
  readonly response: { readonly status: 200 | 201; readonly schema: z.ZodType }
  /** The schema of each `:param` of `path`, as the API types it (the router casts, `record-id.ts`). */
  readonly params?: Readonly<Record<string, z.ZodType>>
  /**
   * The JSON body the endpoint reads, wrapper included (`{"api_key": {...}}`). Reading one can
   * answer 400 (malformed JSON) and 422 (a missing wrapper, a field that fails validation).
   */
  readonly body?: z.ZodType
  /** The query parameters the endpoint reads, all strings; a bad one is 422. */
  readonly query?: z.ZodObject
  /**
   * The errors the resolver throws itself, beyond those of the pipeline (`core.ts`), the body and
   * the query: the OpenAPI document lists them, and the test suite fails on a status it lacks.
   */
  readonly errors?: readonly ErrorCode[]
  resolve(context: EndpointContext): EndpointResult | Promise<EndpointResult>
}
