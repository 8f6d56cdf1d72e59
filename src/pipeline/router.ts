import type { EndpointDefinition } from './endpoint.js'

/** What the router found for a request: the endpoint and its percent-decoded path parameters. */
export interface RouteMatch<Endpoint> {
  endpoint: Endpoint
  params: Record<string, string>
}

/** A method and path the router answers, and the endpoint that answers them. */
interface Route<Endpoint> {
  method: string
  path: string
  endpoint: Endpoint
}

interface CompiledRoute<Endpoint> {
  endpoint: Endpoint
  /** Each segment: a literal to compare, or the name of a parameter (`{ param }`). */
  segments: (string | { param: string })[]
}

export interface Router<Endpoint> {
  /** The endpoint for a method and a path under the base path (`/api_keys/1`), or `undefined`. */
  match(method: string, path: string): RouteMatch<Endpoint> | undefined
}

type Routable = Pick<EndpointDefinition, 'method' | 'path'>

/**
 * The methods the router answers for one endpoint, as Rails' router draws them: its own method,
 * plus `HEAD` for a `GET` (Rails routes a HEAD to the GET route, and `Rack::Head` drops the body)
 * and `PATCH` for a `PUT` with a path parameter (`resources` routes both to `update`). Derived
 * here, once, so every endpoint of every resource gets them without declaring them (the OpenAPI
 * document lists the same methods, HEAD aside).
 */
export function toEndpointMethods(endpoint: Routable): string[] {
  if (endpoint.method === 'GET') return ['GET', 'HEAD']
  if (endpoint.method === 'PUT' && endpoint.path.includes('/:')) return ['PUT', 'PATCH']
  return [endpoint.method]
}

/** The routes of an endpoint table: each endpoint's methods (`toEndpointMethods`) on its path. */
function toRoutes<Endpoint extends Routable>(endpoints: readonly Endpoint[]): Route<Endpoint>[] {
  return endpoints.flatMap((endpoint) =>
    toEndpointMethods(endpoint).map((method) => ({ method, path: endpoint.path, endpoint })),
  )
}

/**
 * Every method the router answers for a table, in table order (`GET, HEAD, POST, PUT, PATCH,
 * DELETE` for the API keys): what the demo server's CORS preflight allows.
 */
export function toRoutedMethods(endpoints: readonly Routable[]): string[] {
  return [...new Set(toRoutes(endpoints).map((route) => route.method))]
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The segments of a path: repeated and trailing slashes say nothing, as in Rails' router. */
function toSegments(path: string): string[] {
  const segments: string[] = []
  let start = 0
  for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', start)) {
    if (end > start) segments.push(path.slice(start, end))
    start = end + 1
  }
  if (start < path.length) segments.push(path.slice(start))
  return segments
}

/**
 * The last segment without its format suffix, as Rails' `(.:format)` reads it on every route:
 * the segment ends at its first literal dot (`1.json` → `1`, `1.5` → `1`), and what follows is
 * the format, one non-empty run without dots. `false` when no route can match (`1.5.json`, `1.`).
 * The format itself is ignored: the API renders JSON whatever it says, as `render json:` does.
 */
function withoutFormat(segment: string): string | false {
  const dot = segment.indexOf('.')
  if (dot === -1) return segment
  const format = segment.slice(dot + 1)
  return format === '' || format.includes('.') ? false : segment.slice(0, dot)
}

/**
 * Builds the router of an endpoint table. Routes are grouped by method and ordered once, here:
 * more literal segments first, so a literal route (`/agents/search`) always wins over a parameter
 * (`/agents/:id`) whatever the table's order. Matching is exact and case-sensitive, as Rails'
 * router is; repeated slashes collapse; a parameter matches one segment, up to its format suffix.
 */
export function createRouter<Endpoint extends Routable>(
  endpoints: readonly Endpoint[],
): Router<Endpoint> {
  const byMethod = new Map<string, CompiledRoute<Endpoint>[]>()
  for (const { method, path, endpoint } of toRoutes(endpoints)) {
    const segments = toSegments(path).map((segment) =>
      segment.startsWith(':') ? { param: segment.slice(1) } : segment,
    )
    byMethod.set(method, [...(byMethod.get(method) ?? []), { endpoint, segments }])
  }
  const literals = (route: CompiledRoute<Endpoint>): number =>
    route.segments.filter((segment) => typeof segment === 'string').length
  for (const routes of byMethod.values()) routes.sort((a, b) => literals(b) - literals(a))

  return {
    match(method, path) {
      const routes = byMethod.get(method)
      if (routes === undefined) return undefined
      const segments = toSegments(path)
      const last = segments.length - 1
      if (last >= 0) {
        const segment = withoutFormat(segments[last] as string)
        if (segment === false) return undefined
        segments[last] = segment
      }
      for (const route of routes) {
        if (route.segments.length !== segments.length) continue
        const params: Record<string, string> = {}
        let matched = true
        for (let i = 0; i < segments.length && matched; i++) {
          const expected = route.segments[i] as string | { param: string }
          const actual = segments[i] as string
          if (typeof expected === 'string') matched = expected === actual
          else params[expected.param] = decode(actual)
        }
        if (matched) return { endpoint: route.endpoint, params }
      }
      return undefined
    },
  }
}
