import { http, type HttpHandler } from 'msw'
import { createEndpointResolver, type EndpointDefinition, type EndpointName, type EndpointRuntime } from './endpoint.js'
import { ApiError, ERROR_MESSAGES } from './errors.js'
import { parseKeyId } from './internal/key-id.js'
import { reachesRouteLiterally } from './internal/literal-route.js'
import { readApiKeyFields } from './request-body.js'
import { CreateApiKeyFieldsSchema, UpdateApiKeyFieldsSchema } from './schemas.js'
import type { Principal } from './store.js'
import type { z } from 'zod'

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

/** Builds the msw handlers of every endpoint, under every base URL. */
export function createHandlers(runtime: EndpointRuntime, options: HandlerOptions): { record: HandlerRecord; list: HttpHandler[] } {
  const record = {} as HandlerRecord
  for (const definition of createDefinitions(runtime, options.maxBodyBytes)) {
    const { method, path } = ROUTES[definition.name]
    const endpoint = createEndpointResolver(definition, runtime)
    // @note An endpoint declines (`undefined`: msw tries the next handler, the catch-all) a path
    // that only msw 3's decoding makes match, like `/api_keys%2F1`: see reachesRouteLiterally.
    const resolver =
      definition.name === 'unknownRoute'
        ? endpoint
        : (info: Parameters<typeof endpoint>[0]) =>
            reachesRouteLiterally(new URL(info.request.url).pathname, path) ? endpoint(info) : undefined
    record[definition.name] =
      definition.name === 'unknownRoute' && options.unknownRoutes === 'passthrough'
        ? []
        : options.baseUrls.map((base) => http[method](`${normalizeBaseUrl(base)}${path}`, resolver))
  }
  const list = (Object.keys(ROUTES) as EndpointName[]).flatMap((name) => record[name])
  return { record, list }
}
