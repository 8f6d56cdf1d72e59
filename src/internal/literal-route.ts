const ENCODED_SLASH = /%2f/i

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Whether a request's raw (still percent-encoded) path reaches a route without an encoded slash
 * standing in for one of the route's own slashes. msw 2 matches routes against the raw path, so
 * `/api_keys%2F1` is not `/api_keys/:id`; msw 3 decodes the route's literal part first and would
 * match it. The API has no route whose literal part holds `%2F`, so such a request is one for the
 * catch-all, on both majors. An encoded slash inside the trailing `:param` segment is still that
 * parameter (`/api_keys/..%2F1` is key `../1`), as on msw 2.
 * @example
 * reachesRouteLiterally('/api/v1/api_keys%2F1', '/api_keys/:id') // false
 * reachesRouteLiterally('/api/v1/api_keys/..%2F1', '/api_keys/:id') // true
 */
export function reachesRouteLiterally(rawPathname: string, routePath: string): boolean {
  const raw = rawPathname.length > 1 ? rawPathname.replace(/\/$/, '') : rawPathname
  const param = /\/:\w+$/.exec(routePath)
  const literal = param === null ? raw : raw.slice(0, raw.lastIndexOf('/'))
  if (ENCODED_SLASH.test(literal)) return false
  return param === null || decode(literal).endsWith(routePath.slice(0, param.index))
}
