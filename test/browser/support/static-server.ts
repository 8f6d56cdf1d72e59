import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`: loopback, so service workers get their secure context. */
  readonly origin: string
  /** Every path the server was asked for, in order (query strings dropped). */
  readonly requests: readonly string[]
  close(): Promise<void>
}

/**
 * Serves a folder on 127.0.0.1 at a free port. Requests the page's service worker answers never
 * reach it, which is how the browser tests prove the fake, not the server, replied.
 */
export async function startStaticServer(root: string): Promise<StaticServer> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    requests.push(pathname)
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname))
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      response.writeHead(403).end()
      return
    }
    stat(file)
      .then(
        (info) => {
          if (!info.isFile()) throw new Error('not a file')
          response.writeHead(200, {
            'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'Cache-Control': 'no-store',
          })
          createReadStream(file).pipe(response)
        },
        () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'),
      )
      .catch(() => response.writeHead(404).end())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
