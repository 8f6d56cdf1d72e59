/** The origin a request's `Host` header names, shared by the OpenAPI route and the control API. */

/** A `Host` header that is a host name or an address, with an optional port, and nothing else. */
const HOST = /^(?:[\w.-]+|\[[\da-f:.]+\])(?::\d{1,5})?$/i

/**
 * `http://` + the `Host`, as a browser serializes an origin (lower case, no default port), or
 * `undefined` when the header is missing or is no plain host (a port out of range too).
 * @example originOfHost('LocalHost:3000') // 'http://localhost:3000'
 */
export function originOfHost(host: string | undefined): string | undefined {
  if (host === undefined || !HOST.test(host)) return undefined
  try {
    return new URL(`http://${host}`).origin
  } catch {
    return undefined
  }
}
