/**
 * The demo server's `GET /__voiceable/openapi.json`: the package's OpenAPI document, its `servers`
 * naming this server's own base URLs. Public, the one exception to the control API's rules under
 * `/__voiceable/`: no token, CORS as on the API, and served even with `--no-control`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError, JSON_CONTENT_TYPE } from '../pipeline/envelope.js'
import type { OpenApiDocument } from '../openapi/document.js'
import { answerPreflight } from './cors.js'
import { originOfHost } from './host-origin.js'
import { loadOpenApiDocument } from './openapi-document.js'

/** Where the demo server serves its OpenAPI document. */
export const OPENAPI_PATH = '/__voiceable/openapi.json'

/**
 * The origin a request reached this server at: the one its `Host` names, as a client behind a
 * port mapping sees it; else (no `Host`, or a port out of range) the socket's own address.
 */
function originOf(req: IncomingMessage): string {
  const named = originOfHost(req.headers.host)
  if (named !== undefined) return named
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '')
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort ?? 80}`
}

/**
 * The handler of `OPENAPI_PATH`: the document for GET and HEAD (built on the first request and
 * kept), a CORS preflight's 204, and 405 in the API's envelope for any other method.
 * @param basePaths The paths the API answers under (`/api/v1`, `/voiceable-api`): the `servers`.
 */
export function createOpenApiRoute(
  basePaths: readonly string[],
): (req: IncomingMessage, res: ServerResponse) => void {
  let document: OpenApiDocument | undefined
  return (req, res) => {
    const method = req.method ?? 'GET'
    const cors = answerPreflight(method, req.headers, res)
    if (cors === undefined) return
    let status = 200
    let body: string
    const headers: Record<string, string> = { ...cors }
    if (method === 'GET' || method === 'HEAD') {
      document ??= loadOpenApiDocument()
      const origin = originOf(req)
      body = JSON.stringify({
        ...document,
        servers: basePaths.map((base) => ({
          url: `${origin}${base}`,
          description: `This demo server, under ${base === '' ? '/' : base}`,
        })),
      })
    } else {
      const error = new ApiError(
        { code: 'method_not_allowed', status: 405, message: 'Method Not Allowed' },
        [`${OPENAPI_PATH} answers GET and HEAD only, not ${method}`],
      )
      status = error.status
      body = JSON.stringify(error.toBody())
      headers['Allow'] = 'GET, HEAD'
    }
    res.writeHead(status, {
      'Content-Type': JSON_CONTENT_TYPE,
      'Content-Length': String(Buffer.byteLength(body)),
      ...headers,
    })
    res.end(method === 'HEAD' ? undefined : body)
  }
}
