import { http, matchRequestUrl, type HttpHandler } from 'msw'
import { createEndpointResolver, type EndpointDefinition, type EndpointName, type EndpointRuntime } from './endpoint.js'
import { ApiError, ERROR_MESSAGES } from './errors.js'
import { parseKeyId } from './internal/key-id.js'
import { reachesRouteLiterally } from './internal/literal-route.js'
import { readApiKeyFields } from './request-body.js'
import { CreateApiKeyFieldsSchema, UpdateApiKeyFieldsSchema } from './schemas.js'
import type { Principal } from './store.js'
import type * as z from 'zod'

/** The documented `status.message` of each successful response. */
export const SUCCESS_MESSAGES = {
  read: 'Success',
  created: 'API key created successfully',
  updated: 'API key updated successfully',
  deleted: 'API key deleted successfully',
} as const

/** The handlers as msw-storybook-addon composes them: a record keyed by endpoint name. */
export type HandlerRecord = Record<EndpointName, HttpHandler[]>

/** A path id that cannot name a key (`0`, `01`, `1.5`, `abc`) is simply a key that does not exist. */
function parseId(raw: unknown): number {
  return parseKeyId(raw) ?? notFound()
}

/** Parses request fields with a schema; every problem becomes one plain sentence in a 422. */
function parseFields<T>(schema: z.ZodType<T>, fields: Record<string, unknown>): T {
  const result = schema.safeParse(fields)
  if (result.success) return result.data
  throw new ApiError('validation_failed', [...new Set(result.error.issues.map((issue) => issue.message))])
}

/** The caller of an endpoint whose access is `read` or `write` (authenticated before resolve). */
function callerOf(principal: Principal | undefined): number {
  if (principal === undefined) throw new Error('Failed to resolve: endpoint ran without an authenticated caller')
  return principal.user.id
}

function notFound(): never {
  // @note Another user's key answers exactly like a missing one: the API filters every lookup
  // to the caller's own keys, so a foreign id simply does not exist for them (404, not 403).
  throw new ApiError('not_found', [ERROR_MESSAGES.apiKeyNotFound])
}

function createDefinitions(runtime: EndpointRuntime, maxBodyBytes: number): EndpointDefinition[] {
  const { store } = runtime
  const ok = (message: string, data?: unknown) => (data === undefined ? { status: { code: 200, message } } : { status: { code: 200, message }, data })
  return [
    {
      name: 'listApiKeys',
      access: 'read',
      resolve: ({ principal }) => ({ status: 200, body: ok(SUCCESS_MESSAGES.read, store.listApiKeys(callerOf(principal))) }),
    },
    {
      name: 'createApiKey',
      access: 'write',
      async resolve({ request, principal }) {
        const userId = callerOf(principal)
        const fields = parseFields(CreateApiKeyFieldsSchema, await readApiKeyFields(request, maxBodyBytes))
        const data = store.createApiKey(userId, fields)
        return { status: 201, body: { status: { code: 201, message: SUCCESS_MESSAGES.created }, data } }
      },
    },
    {
      name: 'getApiKey',
      access: 'read',
      resolve({ params, principal }) {
        const data = store.getApiKey(callerOf(principal), parseId(params['id'])) ?? notFound()
        return { status: 200, body: ok(SUCCESS_MESSAGES.read, data) }
      },
    },
    {
      name: 'updateApiKey',
      access: 'write',
      async resolve({ request, params, principal }) {
        const userId = callerOf(principal)
        const id = parseId(params['id'])
        // The key is looked up before the body is read, as a Rails `before_action` would: 404 wins over 422.
        if (store.getApiKey(userId, id) === undefined) notFound()
        const fields = parseFields(UpdateApiKeyFieldsSchema, await readApiKeyFields(request, maxBodyBytes))
        const data = store.updateApiKey(userId, id, fields) ?? notFound()
        return { status: 200, body: ok(SUCCESS_MESSAGES.updated, data) }
      },
    },
    {
      name: 'deleteApiKey',
      access: 'write',
      resolve({ params, principal }) {
        if (!store.deleteApiKey(callerOf(principal), parseId(params['id']))) notFound()
        return { status: 200, body: ok(SUCCESS_MESSAGES.deleted) }
      },
    },
    {
      name: 'unknownRoute',
      access: 'none',
      resolve({ request }) {
        throw new ApiError('route_not_found', [ERROR_MESSAGES.routeNotFound(request.method, new URL(request.url).pathname)])
      },
    },
  ]
}

const ROUTES: Record<EndpointName, { method: 'get' | 'post' | 'put' | 'delete' | 'all'; path: string }> = {
  listApiKeys: { method: 'get', path: '/api_keys' },
  createApiKey: { method: 'post', path: '/api_keys' },
  getApiKey: { method: 'get', path: '/api_keys/:id' },
  updateApiKey: { method: 'put', path: '/api_keys/:id' },
  deleteApiKey: { method: 'delete', path: '/api_keys/:id' },
  // @note Last, so it only catches what no endpoint matched: wrong paths and wrong methods
  // under the base URL get the API's 404 envelope, as Rails answers a routing error.
  unknownRoute: { method: 'all', path: '/*' },
}

/** A base URL without its trailing slash: `https://x/api/v1/` and `https://x/api/v1` are one. */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '')
}

export interface HandlerOptions {
  baseUrls: readonly string[]
  maxBodyBytes: number
  /** Answer unknown paths and methods under the base URLs with the API's 404 (default) or leave them to msw. */
  unknownRoutes: 'not-found' | 'passthrough'
}

type EndpointResolver = ReturnType<typeof createEndpointResolver>
/** An endpoint's resolver, which may decline a request (`undefined`) so that msw tries the next handler. */
type Resolver = (info: Parameters<EndpointResolver>[0]) => ReturnType<EndpointResolver> | undefined

/**
 * One msw handler answering every endpoint under one base URL. msw runs each handler of the list
 * on every request until one answers, and each run parses the URL pattern and the cookies, so
 * one handler per endpoint and base made `GET /api_keys/1` pay five such runs where a hand-written
 * handler pays one (bench/RESULTS.md). The dispatcher pays one, then matches its routes in
 * `ROUTES` order with msw's own `matchRequestUrl`, so paths match exactly as per-endpoint
 * handlers would. Nothing matched: it returns nothing and msw moves on to the catch-alls.
 */
function createDispatcher(base: string, routes: { method: string; path: string; resolve: Resolver }[]): HttpHandler {
  const byMethod = new Map<string, { path: string; literalEnd: string | undefined; resolve: Resolver }[]>()
  for (const { method, path, resolve } of routes) {
    const end = path.slice(path.lastIndexOf('/') + 1)
    byMethod.set(method, [...(byMethod.get(method) ?? []), { path, literalEnd: end.startsWith(':') ? undefined : end, resolve }])
  }
  return http.all(`${base}/*`, ({ request }) => {
    const url = new URL(request.url)
    // A same-origin base (`/api/v1`) is resolved against the request, as msw resolved the
    // dispatcher's own pattern against the page (or getResponse's baseUrl) to get here.
    const prefix = base.startsWith('/') ? `${url.origin}${base}` : base
    const candidates = byMethod.get(request.method.toUpperCase()) ?? []
    // @note Routes of one method never overlap (`/api_keys`, `/api_keys/:id`), so any order finds
    // the same route; trying first the one whose last segment the path ends with (else one ending
    // in a parameter) saves a pattern compilation in msw (about 10 µs) on most requests.
    const path = url.pathname.replace(/\/+$/, '')
    const last = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
    const score = (route: { literalEnd: string | undefined }): number => (route.literalEnd === last ? 2 : route.literalEnd === undefined ? 1 : 0)
    const ordered = candidates.length > 1 ? [...candidates].sort((a, b) => score(b) - score(a)) : candidates
    for (const route of ordered) {
      const match = matchRequestUrl(url, `${prefix}${route.path}`)
      if (match.matches) return route.resolve({ request, params: match.params ?? {} })
    }
    return undefined
  })
}

/**
 * Builds the msw handlers of every endpoint, under every base URL: `record` holds one handler per
 * endpoint and base (for composing, e.g. in Storybook); `list` holds the same endpoints as one
 * dispatcher per base followed by the catch-alls, unless unknown routes pass through, where a
 * dispatcher that matched a path without answering would hide it from msw's `onUnhandledRequest`.
 */
export function createHandlers(runtime: EndpointRuntime, options: HandlerOptions): { record: HandlerRecord; list: HttpHandler[] } {
  const record = {} as HandlerRecord
  const routes: { method: string; path: string; resolve: Resolver }[] = []
  for (const definition of createDefinitions(runtime, options.maxBodyBytes)) {
    const { method, path } = ROUTES[definition.name]
    const endpoint = createEndpointResolver(definition, runtime)
    // @note An endpoint declines (`undefined`: msw tries the next handler, the catch-all) a path
    // that only msw 3's decoding makes match, like `/api_keys%2F1`: see reachesRouteLiterally.
    const resolver: Resolver =
      definition.name === 'unknownRoute'
        ? endpoint
        : (info) => (reachesRouteLiterally(new URL(info.request.url).pathname, path) ? endpoint(info) : undefined)
    if (definition.name !== 'unknownRoute') routes.push({ method: method.toUpperCase(), path, resolve: resolver })
    record[definition.name] =
      definition.name === 'unknownRoute' && options.unknownRoutes === 'passthrough'
        ? []
        : options.baseUrls.map((base) => http[method](`${normalizeBaseUrl(base)}${path}`, resolver))
  }
  const list =
    options.unknownRoutes === 'passthrough'
      ? (Object.keys(ROUTES) as EndpointName[]).flatMap((name) => record[name])
      : [...options.baseUrls.map((base) => createDispatcher(normalizeBaseUrl(base), routes)), ...record.unknownRoute]
  return { record, list }
}
