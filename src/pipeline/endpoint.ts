import type * as z from 'zod'
import type { CollectionDefinition, RecordId } from '../store/collection.js'
import type { BodyParams } from './body.js'
import type { ErrorDefinition } from './envelope.js'
import type { Principal } from './principal.js'

/**
 * The HTTP methods a table entry declares. The router adds the ones Rails routes beside them:
 * HEAD for every GET, PATCH for every PUT with a path parameter (`router.ts`).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

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

/**
 * One `:param` of a path: its wire type (for the OpenAPI document) and how the backend casts the
 * text before a lookup (`record-id.ts`). The journal keeps each parameter as it casts.
 */
export interface PathParam {
  readonly schema: z.ZodType
  /** The parameter as the lookup uses it, or `undefined` when it names no record. */
  readonly cast: (raw: string) => string | number | undefined
}

/** The path parameters of a request as sent, and how each is cast (its endpoint's `params`). */
export interface RouteParams {
  readonly raw: Readonly<Record<string, string>>
  readonly kinds: Readonly<Record<string, PathParam>> | undefined
}

/** A path parameter as the lookup casts it, or `undefined` when it names no record. */
export function castParam(params: RouteParams, name: string): string | number | undefined {
  const raw = params.raw[name]
  const kind = params.kinds?.[name]
  return raw === undefined || kind === undefined ? undefined : kind.cast(raw)
}

/** What a resolver sees once the request has passed authentication, the rate limit and faults. */
export interface EndpointContext<Store = unknown> {
  readonly store: Store
  /** The caller; always set on `self`, `read` and `write` endpoints, never on `anonymous` ones. */
  readonly principal: Principal | undefined
  /** The path parameters, percent-decoded (`/api_keys/:keyId` gives `keyId`). */
  readonly params: Readonly<Record<string, string>>
  /**
   * A path parameter as the lookup casts it (`/api_keys/01` → `1`), or `undefined` when it names
   * no record (every endpoint answers that with its missing-record 404).
   */
  param(name: string): string | number | undefined
  /** The query string's parameters. */
  readonly query: URLSearchParams
  /**
   * The object inside the JSON body's `wrapper` key, as Rails' `params.require(wrapper)` reads
   * it: malformed JSON is 400; a missing, empty or non-object wrapper is 422. Read lazily, so a
   * resolver decides whether a lookup (404) comes before the body (422), as a `before_action` does.
   */
  fields(wrapper: string): Record<string, unknown>
  /**
   * The body's parameters, JSON or `multipart/form-data` alike, as Rails' `params` holds them:
   * form fields as text, files as `File`s. Malformed bodies are 400.
   */
  bodyParams(): Promise<BodyParams>
  /** The body's bytes as sent, whatever their media type (an upload); `undefined` when there is none. */
  rawBody(): Uint8Array | undefined
  /**
   * The API's base URL as this request reached it (`http://localhost:3000/api/v1`): where URLs
   * the fake mints on itself point. Only the base path when the transport knows no origin.
   */
  baseUrl(): string
  /** Reads reveal `key_value` (the `revealKeyValues` option) instead of the documented `null`. */
  readonly revealKeyValues: boolean
  /**
   * Who owns a record, whoever asks: a user id, `null` for a record nobody owns, `undefined` when
   * there is no such record. Only for the journal's reason of a 404 (`failWithRecord`), never
   * for a response: another user's record is not found for the caller.
   */
  recordOwner<R extends object, Id extends RecordId>(
    collection: CollectionDefinition<R, Id>,
    id: RecordId,
  ): number | null | undefined
}

export interface EndpointResult {
  status: number
  body: unknown
}

/** An example of a request or response body, where the OpenAPI document shows it. */
export interface DocumentedExample {
  summary: string
  value: unknown
}

/** The words of an endpoint in the OpenAPI document. */
export interface OperationDoc {
  readonly summary: string
  readonly description: string
  /** The success response: its `status.message`, and what it holds. */
  readonly success: string
  /** Where the behaviour comes from: the docs, real-client evidence, a Rails default or ours. */
  readonly provenance: string
  /**
   * What the endpoint itself rests on (the OpenAPI document's `x-evidence`): `docs` when the
   * Voiceable docs document it, `client` when only the web app's code shows it.
   */
  readonly evidence: Evidence
}

/** What an endpoint rests on: the docs, or the Voiceable web app's code (real-client evidence). */
export type Evidence = 'docs' | 'client'

/** The request body an endpoint reads: its schema and media type. */
export type EndpointBody =
  z.ZodType | { readonly schema: z.ZodType; readonly mediaType: 'multipart/form-data' }

/** One row of the endpoint table. */
export interface EndpointDefinition<Store = never> {
  /** The name used by the journal, fault scopes and `handlersByEndpoint`. */
  readonly name: string
  readonly method: HttpMethod
  /** Under the base URL, with `:param` segments: `/api_keys/:keyId`. */
  readonly path: string
  readonly access: EndpointAccess
  /** The success status, the wire schema of its body, and its `status.message`. */
  readonly response: {
    readonly status: 200 | 201
    readonly schema: z.ZodType
    readonly message: string
    /** The body's media type when it is not JSON (the resolver answers a `RawReply`). */
    readonly mediaType?: string
  }
  /** Each `:param` of `path`: its type and cast. */
  readonly params?: Readonly<Record<string, PathParam>>
  /**
   * The body the endpoint reads, wrapper included (`{"api_key": {...}}`). Reading one can answer
   * 400 (malformed JSON) and 422 (a missing wrapper, a field that fails validation).
   */
  readonly body?: EndpointBody
  /** The query parameters the endpoint reads, all strings; a bad one is 422. */
  readonly query?: z.ZodObject
  /**
   * The errors the resolver throws itself, beyond those of the pipeline (`core.ts`), the body and
   * the query: the OpenAPI document lists them, and the test suite fails on a status it lacks.
   */
  readonly errors?: readonly ErrorDefinition[]
  readonly doc: OperationDoc
  readonly examples?: {
    readonly request?: DocumentedExample
    readonly response?: DocumentedExample
  }
  resolve(context: EndpointContext<Store>): EndpointResult | Promise<EndpointResult>
}

/** The name of a request no endpoint matched (answered with the API's 404 `route_not_found`). */
export const UNKNOWN_ROUTE = 'unknownRoute'

/** An endpoint of any resource, as the router, the core and the document see it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each resolver reads its own store's part; the core passes the whole store
export type AnyEndpoint = EndpointDefinition<any>

/** The media type of an endpoint's body, and its schema. */
export function toBodySpec(body: EndpointBody): { schema: z.ZodType; mediaType: string } {
  return 'mediaType' in body ? body : { schema: body, mediaType: 'application/json' }
}
