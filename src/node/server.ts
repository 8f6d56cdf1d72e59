/**
 * The demo server's HTTP layer (Node only): `IncomingMessage` → the core → `res.end`, with no
 * msw and no Fetch objects per request. Around the core it adds only what a real HTTP endpoint
 * needs: CORS, a streaming body limit, an access log and answers to bad input.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { reachesBasePath } from '../adapters/base-url.js'
import type { HeaderLookup } from '../pipeline/credentials.js'
import { splitPath, type Core } from '../pipeline/plain-request.js'
import { ApiError, JSON_CONTENT_TYPE, PIPELINE_MESSAGES } from '../pipeline/envelope.js'
import { formatAccessLogLine } from './access-log.js'
import {
  CONTROL_MAX_BODY_BYTES,
  isControlPath,
  type ControlAnswer,
  type ControlApi,
} from './control.js'
import { answerPreflight } from './cors.js'
import { originOfHost } from './host-origin.js'
import { createOpenApiRoute, OPENAPI_PATH } from './openapi-route.js'
import { checkSessionId, SESSION_HEADER } from './sessions.js'

export interface MockRequestListenerOptions {
  /** The core that answers every request under `basePaths`. */
  core: Core
  /** Same-origin base paths the API answers under, e.g. `['/api/v1', '/voiceable-api']`. */
  basePaths: readonly string[]
  /** Bodies over this many bytes get 413, counted as they stream in. */
  maxBodyBytes: number
  /** Wait this long before handing each request to the core. Default 0. */
  delayMs?: number
  /** Receives one access-log line per request; omit for no log. */
  log?: (line: string) => void
  /** Aborts pending delays (the server is closing); their connections are dropped. */
  signal?: AbortSignal
  /** The core of a session (`X-Voiceable-Mock-Session`); without it the header is ignored. */
  sessionCore?: (id: string) => Core
  /** The control API under `/__voiceable/`; without it those paths are the API's 404. */
  control?: ControlApi
  /** Serves the inspector's page and files, if the path is one (`inspector-files.ts`). */
  inspector?: (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean
}

/** Sentences of the answers the server gives itself, before or outside the core. */
export const SERVER_MESSAGES = {
  malformedRequest: (reason: string): string =>
    `The HTTP request could not be parsed (${reason}); send a valid HTTP/1.1 request`,
  headersTooLarge: 'The request headers are too large',
  requestTimeout: 'The request was not received in time',
} as const

type BodyResult =
  | { kind: 'ok'; bytes: Uint8Array | undefined }
  | { kind: 'too-large'; closeConnection: boolean }
  | { kind: 'aborted' }

const NO_BODY: BodyResult = { kind: 'ok', bytes: undefined }

/**
 * After a 413, the rest of an oversized body is read and dropped, up to this many times the
 * limit, so that the client finishes its upload and reads the 413 (a client still writing to a
 * closed connection sees EPIPE instead of the answer). Past it, the connection is closed.
 */
const DRAIN_FACTOR = 8

/**
 * Reads a request body, counting bytes as they stream in: past `limit` it stops keeping them and
 * reports `too-large` at once (a declared `Content-Length` over the limit is refused before
 * reading), so no request ever buffers more than `limit` bytes.
 */
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> | BodyResult {
  const drainLimit = limit * DRAIN_FACTOR
  const contentLength = req.headers['content-length']
  // @note No Content-Length and no Transfer-Encoding: HTTP/1.1 says there is no body (RFC 9112
  // §6.3), so nothing is waited for; Node drops whatever follows as the next request.
  if (contentLength === undefined && req.headers['transfer-encoding'] === undefined) return NO_BODY
  const declared = Number(contentLength)
  // @note Node itself reads and drops an unread body once the response has ended.
  if (declared > limit) return { kind: 'too-large', closeConnection: declared > drainLimit }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (result: BodyResult): void => {
      if (settled) return
      settled = true
      req.off('end', onEnd).off('close', onClose)
      resolve(result)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength
      if (size > drainLimit) {
        req.off('data', onData)
        req.socket.destroy()
      } else if (size > limit) {
        chunks.length = 0
        settle({ kind: 'too-large', closeConnection: false })
      } else chunks.push(chunk)
    }
    const onEnd = (): void =>
      settle({ kind: 'ok', bytes: size === 0 ? undefined : Buffer.concat(chunks) })
    const onClose = (): void =>
      settle(req.complete ? { kind: 'ok', bytes: Buffer.concat(chunks) } : { kind: 'aborted' })
    req.on('data', onData).on('end', onEnd).on('close', onClose)
  })
}

/**
 * The path and query of a request target, as a URL parser would give them: absolute-form targets
 * (`GET http://host/path`) keep only their path, and dot segments, backslashes and characters a
 * URL never holds raw are normalized. Plain targets, nearly all of them, skip the parser.
 */
export function toRequestPath(target: string): string {
  let path = /^https?:\/\//i.test(target)
    ? target.replace(/^https?:\/\/[^/?#]*/i, '') || '/'
    : target
  if (!path.startsWith('/')) path = `/${path}`
  if (PLAIN_TARGET.test(path) && !DOT_SEGMENT.test(path)) return path
  // @note Appended to a fixed origin, not resolved: a target such as `//elsewhere/x` is a path here, not another host.
  const url = new URL(`http://voiceable.invalid${path}`)
  return `${url.pathname}${url.search}`
}

/** Characters a URL parser leaves as they are in a path and query. */
const PLAIN_TARGET = /^[\w\-.~!$&()*+,;=:@/%?[\]|]*$/
/** A `.` or `..` segment, spelled out or percent-encoded, which a URL parser would resolve. */
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?]|$)/i

/** A header lookup over Node's raw headers: every repeated header joined with `, `, as Fetch joins them. */
function toHeaderLookup(raw: readonly string[]): HeaderLookup {
  return (name) => {
    let value: string | undefined
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i] as string
      if (key.length === name.length && key.toLowerCase() === name) {
        value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1] as string}`
      }
    }
    return value
  }
}

/** Writes an error envelope the server builds itself (the core never saw the request). */
function sendError(
  res: ServerResponse,
  error: ApiError,
  extraHeaders: Record<string, string> = {},
): void {
  const body = JSON.stringify(error.toBody())
  res.writeHead(error.status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    ...error.headers,
    ...extraHeaders,
  })
  res.end(body)
}

/**
 * The request listener of the demo server:
 * - `GET /__voiceable/openapi.json` is the OpenAPI document (`openapi-route.ts`).
 * - A CORS preflight is answered here (204); every response carries the CORS headers.
 * - The body is read with a streaming limit; past `maxBodyBytes` the core answers 413 (journaled).
 * - A path outside the base paths is the API's 404 envelope, from the server itself.
 * - An injected network error resets the socket: the client sees a reset.
 * - Anything unexpected is the API's 500 envelope; the server keeps serving.
 */
export function createMockRequestListener(
  options: MockRequestListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { core, log } = options
  // The longest first, so that `/api/v1` wins over `/api` for `/api/v1/api_keys`.
  const basePaths = [...options.basePaths].sort((a, b) => b.length - a.length)
  const openApi = createOpenApiRoute(options.basePaths)
  return (req, res) => {
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    let outcome: 'reset' | undefined
    // @note A socket error after the response started must not become an uncaught exception.
    req.on('error', ignore)
    res.on('error', ignore)
    if (log !== undefined) {
      const startedAt = performance.now()
      res.once('close', () => {
        const status = outcome ?? (res.writableFinished ? res.statusCode : 'aborted')
        log(formatAccessLogLine(method, target, status, performance.now() - startedAt))
      })
    }
    const path = toRequestPath(target)
    const { pathname } = splitPath(path)
    if (pathname === OPENAPI_PATH) {
      // @note Before the control API and the base paths, and whether or not the control API is
      // on: the document is public, the one exception to the control API's rules (CORS, no token).
      openApi(req, res)
      return
    }
    if (options.control !== undefined && isControlPath(pathname)) {
      if (options.inspector?.(req, res, pathname) === true) return
      // @note No CORS headers and no preflight answer: no page on another origin may read or
      // drive the control API (the inspector's page is on this server's own).
      void serveControl(options.control, req, res, pathname, path.slice(pathname.length))
      return
    }
    const cors = answerPreflight(method, req.headers, res)
    if (cors === undefined) return

    void (async () => {
      const reading = readBody(req, options.maxBodyBytes)
      const body = reading instanceof Promise ? await reading : reading
      if (body.kind === 'aborted') return
      if (options.delayMs !== undefined && options.delayMs > 0) {
        await sleep(
          options.delayMs,
          undefined,
          options.signal === undefined ? {} : { signal: options.signal },
        )
      }
      const closing =
        body.kind === 'too-large' && body.closeConnection ? { Connection: 'close' } : {}
      const basePath = basePaths.find((base) => reachesBasePath(pathname, base))
      if (basePath === undefined) {
        const error =
          body.kind === 'too-large'
            ? new ApiError('payload_too_large', [
                PIPELINE_MESSAGES.payloadTooLarge(options.maxBodyBytes),
              ])
            : new ApiError('route_not_found', [PIPELINE_MESSAGES.routeNotFound(method, pathname)])
        sendError(res, error, { ...cors, ...closing })
        return
      }

      const header = toHeaderLookup(req.rawHeaders)
      const session = options.sessionCore === undefined ? undefined : header(SESSION_HEADER_LOWER)
      const problem = session === undefined ? undefined : checkSessionId(session)
      if (problem !== undefined) {
        sendError(res, new ApiError('bad_request', [problem]), { ...cors, ...closing })
        return
      }
      const answer = await (
        session === undefined ? core : (options.sessionCore as (id: string) => Core)(session)
      ).handle({
        method,
        path,
        basePath,
        origin: originOfHost(header('host')),
        header,
        body: body.kind === 'ok' ? body.bytes : undefined,
        bodyTooLarge: body.kind === 'too-large',
      })
      if (answer === undefined) {
        sendError(
          res,
          new ApiError('route_not_found', [PIPELINE_MESSAGES.routeNotFound(method, pathname)]),
          cors,
        )
      } else if (answer.kind === 'network-error') {
        outcome = 'reset'
        // `resetAndDestroy` (Node 18.3+) sends a TCP RST, so the client sees ECONNRESET.
        if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy()
        else req.socket.destroy()
      } else {
        // The answer's headers are this request's own object: add the server's to it, no copy.
        const headers = Object.assign(answer.headers as Record<string, string>, cors, closing)
        res.writeHead(answer.status, headers)
        // @note One write: headers and body leave together (a write per part cost two system
        // calls per request, half of the server's time; bench/RESULTS.md).
        res.end(method === 'HEAD' ? undefined : answer.body)
      }
    })().catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy()
        return
      }
      // The server closing aborts pending delays: drop those connections without an answer.
      if (options.signal?.aborted === true) {
        res.destroy()
        return
      }
      sendError(res, ApiError.internal(error), cors)
    })
  }
}

function ignore(): void {}

const SESSION_HEADER_LOWER = SESSION_HEADER.toLowerCase()

/** Hands a control request to the control API and writes its answer, with no CORS headers. */
async function serveControl(
  control: ControlApi,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
): Promise<void> {
  const answer = await control
    .handle({
      method: req.method ?? 'GET',
      pathname,
      query: new URLSearchParams(search),
      header: toHeaderLookup(req.rawHeaders),
      remoteAddress: req.socket.remoteAddress,
      body: () => readBody(req, CONTROL_MAX_BODY_BYTES),
    })
    .catch((error: unknown): ControlAnswer => ({
      status: 500,
      body: JSON.stringify(ApiError.internal(error).toBody()),
      closeConnection: false,
    }))
  if (answer === undefined || res.destroyed) return
  if (answer.stream !== undefined) {
    const closed = new AbortController()
    res.once('close', () => closed.abort())
    res.writeHead(answer.status, {
      'Content-Type': answer.contentType ?? JSON_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    })
    answer.stream((chunk) => void res.write(chunk), closed.signal)
    return
  }
  res.writeHead(answer.status, {
    'Content-Type': answer.contentType ?? JSON_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(answer.body)),
    ...(answer.closeConnection === true ? { Connection: 'close' } : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : answer.body)
}

/**
 * Answers what Node's HTTP parser rejects (garbage, a malformed request line, oversized
 * headers) with a 400/431/408 in the API's envelope, then closes that connection only.
 */
function answerClientError(
  error: NodeJS.ErrnoException,
  socket: Socket,
  log: ((line: string) => void) | undefined,
): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const [status, reason, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', SERVER_MESSAGES.headersTooLarge]
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', SERVER_MESSAGES.requestTimeout]
        : [400, 'Bad Request', SERVER_MESSAGES.malformedRequest(error.code ?? 'unknown error')]
  const body = JSON.stringify(ApiError.malformedHttp(status, reason, message).toBody())
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
  log?.(formatAccessLogLine('-', `(${error.code ?? 'malformed request'})`, status, 0))
}

/** A `node:http` server running `createMockRequestListener`, hardened against malformed requests. */
export function createMockHttpServer(options: MockRequestListenerOptions): Server {
  const listener = createMockRequestListener(options)
  const server = createServer(listener)
  // @note `Expect: 100-continue` with a declared body over the limit gets its 413 at once,
  // instead of inviting the client to upload it first.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(Number(req.headers['content-length']) > options.maxBodyBytes)) res.writeContinue()
    listener(req, res)
  })
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(error, socket, options.log),
  )
  return server
}
