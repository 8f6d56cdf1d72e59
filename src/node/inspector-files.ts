/**
 * The inspector's page: `GET /__voiceable/` and its script and style, built into
 * `dist/inspector/` (`scripts/build-inspector.mjs`) and served by the demo server alone. The files
 * hold no data, so they are served to whoever reaches the server (a page opened from another
 * machine asks for the control token, then reads the data through the control API, whose rules
 * decide). Strict headers: no other site may frame it, and it loads nothing from elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'
import { CONTROL_PATH } from './control.js'

/** Where the inspector is served: the control API's root. */
export const INSPECTOR_PATH = `${CONTROL_PATH}/`

/** The files, by path, and their types. */
const FILES: Readonly<Record<string, readonly [file: string, type: string]>> = {
  [INSPECTOR_PATH]: ['index.html', 'text/html; charset=utf-8'],
  [`${CONTROL_PATH}/inspector.js`]: ['inspector.js', 'text/javascript; charset=utf-8'],
  [`${CONTROL_PATH}/inspector.css`]: ['inspector.css', 'text/css; charset=utf-8'],
}

/** The page, its script and style come from this server only; nothing else is loaded. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const HEADERS = {
  'Cache-Control': 'no-cache',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const

/**
 * The folder of the built inspector: `inspector/` beside the built module (`dist/`), or, when
 * the sources run (unit tests), the repository's `dist/inspector/`.
 */
function findInspectorDir(): string | undefined {
  for (const relative of ['./inspector/', '../../dist/inspector/']) {
    const dir = fileURLToPath(new URL(relative, import.meta.url))
    if (existsSync(`${dir}index.html`)) return dir
  }
  return undefined
}

/**
 * The handler of the inspector's files: answers `GET`/`HEAD` of one of them (and redirects
 * `/__voiceable` to `/__voiceable/`) and says `true`; anything else is left to the control API.
 * Without a built inspector (the sources, unbuilt), it answers nothing.
 */
export function createInspectorFiles(
  dir: string | undefined = findInspectorDir(),
): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const cache = new Map<string, Buffer>()
  return (req, res, pathname) => {
    const method = req.method ?? 'GET'
    if (dir === undefined || (method !== 'GET' && method !== 'HEAD')) return false
    if (pathname === CONTROL_PATH) {
      res.writeHead(308, { Location: INSPECTOR_PATH, 'Content-Length': '0' }).end()
      return true
    }
    const found = FILES[pathname]
    if (found === undefined) return false
    const [file, type] = found
    let bytes = cache.get(file)
    if (bytes === undefined) cache.set(file, (bytes = readFileSync(`${dir}${file}`)))
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': String(bytes.byteLength),
      ...HEADERS,
    })
    res.end(method === 'HEAD' ? undefined : bytes)
    return true
  }
}
