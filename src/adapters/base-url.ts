/**
 * A base URL as the adapters use it: absolute (`https://api.example.com/api/v1`) or same-origin
 * (`/api/v1`), without a trailing slash.
 */
export type BaseUrl = string

/** A base URL without its trailing slash: `https://x/api/v1/` and `https://x/api/v1` are one. */
export function normalizeBaseUrl(baseUrl: string): BaseUrl {
  return baseUrl.replace(/\/+$/, '')
}

/** The path part of a base URL: `/api/v1` for both `https://x/api/v1` and `/api/v1`; `''` at the root. */
export function toBasePath(base: BaseUrl): string {
  if (base.startsWith('/')) return base
  return normalizeBaseUrl(new URL(base).pathname)
}

/**
 * Whether a path reaches a base path as msw's `<base>/*` pattern reaches it: case-insensitively,
 * the base followed by `/` or nothing. The core then routes it exactly (case-sensitive), so that
 * `/API/V1/api_keys` is the API's 404 on every transport rather than no answer at all.
 */
export function reachesBasePath(pathname: string, basePath: string): boolean {
  if (pathname.length < basePath.length) return false
  const next = pathname.charCodeAt(basePath.length)
  return (
    (Number.isNaN(next) || next === 0x2f) &&
    pathname.slice(0, basePath.length).toLowerCase() === basePath.toLowerCase()
  )
}
