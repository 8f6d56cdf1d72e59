/** Longest path an access-log line shows; longer ones are cut and end in `…`. */
const MAX_LOGGED_PATH = 200

/**
 * The path of a request target for the log: no query string (it may carry secrets), no
 * fragment, and anything outside printable ASCII percent-encoded so a request cannot forge
 * log lines.
 */
export function toLoggedPath(target: string): string {
  const path = target.split(/[?#]/, 1)[0] ?? ''
  const safe = path.replace(
    /[^\x21-\x7e]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
  return safe.length > MAX_LOGGED_PATH ? `${safe.slice(0, MAX_LOGGED_PATH)}…` : safe || '-'
}

/**
 * One access-log line: method, path, outcome, milliseconds, e.g. `GET /api/v1/api_keys/1 200 1.2ms`.
 * The outcome is the status code, or a word when no response was sent (`reset`, `aborted`).
 * Header values are never part of it.
 */
export function formatAccessLogLine(
  method: string,
  target: string,
  outcome: number | string,
  ms: number,
): string {
  const safeMethod = /^[A-Z-]{1,20}$/i.test(method) ? method : '-'
  return `${safeMethod} ${toLoggedPath(target)} ${outcome} ${ms.toFixed(1)}ms`
}
