import type { EndpointDefinition } from './endpoint.js'

/** What the router found for a request: the endpoint and its percent-decoded path parameters. */
export interface RouteMatch<Endpoint> {
  endpoint: Endpoint
  params: Record<string, string>
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
 * Builds the router of an endpoint table. Routes are grouped by method and ordered once, here:
 * more literal segments first, so a literal route (`/agents/search`) always wins over a parameter
 * (`/agents/:id`) whatever the table's order. Matching is exact and case-sensitive; parameters
 * match one non-empty segment.
 */
export function createRouter<Endpoint extends Pick<EndpointDefinition, 'method' | 'path'>>(
  endpoints: readonly Endpoint[],
): Router<Endpoint> {
  const byMethod = new Map<string, CompiledRoute<Endpoint>[]>()
  for (const endpoint of endpoints) {
    const segments = toSegments(endpoint.path).map((segment) =>
      segment.startsWith(':') ? { param: segment.slice(1) } : segment,
    )
    byMethod.set(endpoint.method, [
      ...(byMethod.get(endpoint.method) ?? []),
      { endpoint, segments },
    ])
  }
  const literals = (route: CompiledRoute<Endpoint>): number =>
    route.segments.filter((segment) => typeof segment === 'string').length
  for (const routes of byMethod.values()) routes.sort((a, b) => literals(b) - literals(a))

  return {
    match(method, path) {
      const routes = byMethod.get(method)
      if (routes === undefined) return undefined
      const segments = toSegments(path)
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
