/**
 * The demo server's HTTP layer (Node only): bridges `node:http` to Fetch `Request`/`Response`
 * and answers with the very same msw handlers through msw's `getResponse`, so the server and
 * the in-process fake share one code path. Around the handlers it adds only what a real HTTP
 * endpoint needs: CORS, a streaming body limit, an access log and answers to bad input.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { getResponse, type RequestHandler } from 'msw'
import { ApiError, ERROR_MESSAGES } from './errors.js'
import { formatAccessLogLine } from './internal/access-log.js'
import { isPreflight, toCorsHeaders } from './internal/cors.js'

export interface MockRequestListenerOptions {
  /** The handlers that answer every request, e.g. `mock.handlers` built with same-origin base paths. */
  handlers: readonly RequestHandler[]
  /** Bodies over this many bytes get 413 before any handler runs. */
  maxBodyBytes: number
  /** Wait this long before handing each request to the handlers. Default 0. */
  delayMs?: number
  /** Receives one access-log line per request; omit for no log. */
  log?: (line: string) => void
  /** Aborts pending delays (the server is closing); their connections are dropped. */
  signal?: AbortSignal
}

/** Sentences of the answers the server gives itself, before or outside the handlers. */
export const SERVER_MESSAGES = {
  malformedRequest: (reason: string): string => `The HTTP request could not be parsed (${reason}); send a valid HTTP/1.1 request`,
  headersTooLarge: 'The request headers are too large',
  requestTimeout: 'The request was not received in time',
} as const

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** Connection-level headers of the client's hop; they say nothing about the request itself. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade'])

/** Methods Fetch refuses to build a `Request` for; the API has no route for them either. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

type BodyResult = { kind: 'ok'; bytes: Uint8Array | undefined } | { kind: 'too-large'; closeConnection: boolean } | { kind: 'aborted' }

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
function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const drainLimit = limit * DRAIN_FACTOR
  const declared = Number(req.headers['content-length'])
  // @note Node itself reads and drops an unread body once the response has ended.
  if (declared > limit) return Promise.resolve({ kind: 'too-large', closeConnection: declared > drainLimit })
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
    const onEnd = (): void => settle({ kind: 'ok', bytes: size === 0 ? undefined : Buffer.concat(chunks) })
    const onClose = (): void => settle(req.complete ? { kind: 'ok', bytes: Buffer.concat(chunks) } : { kind: 'aborted' })
    req.on('data', onData).on('end', onEnd).on('close', onClose)
  })
}

/** The request's absolute URL: its own `Host` when that is a plain host[:port], else the server's address. */
function toRequestUrl(req: IncomingMessage, fallbackOrigin: string): URL {
  const target = req.url ?? '/'
  const host = req.headers.host
  let origin = fallbackOrigin
  if (host !== undefined && /^[\w.-]+(?::\d{1,5})?$|^\[[\da-f:.]+\](?::\d{1,5})?$/i.test(host)) origin = `http://${host}`
  // Absolute-form targets (`GET http://host/path`) keep only their path and query.
  const pathAndQuery = /^https?:\/\//i.test(target) ? target.replace(/^https?:\/\/[^/?#]*/i, '') || '/' : target
  // @note Appended, not resolved: a target such as `//elsewhere/x` is a path here, not another host.
  return new URL(`${origin}${pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`}`)
}

function toRequestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  const raw = req.rawHeaders
  // @note rawHeaders keeps every repeated header as its own pair; `append` keeps them all.
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, raw[i + 1] as string)
  }
  return headers
}

function serverAddress(req: IncomingMessage): string {
  const { localAddress, localPort } = req.socket
  const host = localAddress === undefined ? '127.0.0.1' : localAddress.includes(':') ? `[${localAddress}]` : localAddress
  return `http://${host}:${localPort ?? 80}`
}

/** Writes an error envelope the server builds itself (the handlers never saw the request). */
function sendError(res: ServerResponse, error: ApiError, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify(error.toBody())
  res.writeHead(error.status, {
    'Content-Type': JSON_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    ...error.headers,
    ...extraHeaders,
  })
  res.end(body)
}

/** Resolves once `res` can take more data, or has closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done).off('close', done)
      resolve()
    }
    res.on('drain', done).on('close', done)
  })
}

/**
 * Copies a Fetch `Response` onto a Node response: status, status text, every header
 * (`Set-Cookie` values one by one), then the body chunk by chunk as the handler produces it,
 * honouring back-pressure. A client that goes away cancels the body.
 */
async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status
  if (response.statusText !== '') res.statusMessage = response.statusText
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)

  if (response.body === null || req.method === 'HEAD') {
    await response.body?.cancel()
    res.end()
    return
  }
  const reader = response.body.getReader()
  const cancel = (): void => void reader.cancel().catch(() => undefined)
  res.once('close', cancel)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done || res.destroyed) break
      if (!res.write(value)) await drained(res)
    }
    res.end()
  } catch {
    // The handler's body failed half-way: the client must see a broken response, not a complete
    // one. `destroySoon` still flushes what was written (Node corks it until the next tick).
    if (res.socket === null) res.destroy()
    else res.socket.destroySoon()
  } finally {
    res.off('close', cancel)
  }
}

/**
 * The request listener of the demo server: every request becomes a Fetch `Request` and is
 * answered by `getResponse(handlers, request, { baseUrl: origin })`.
 * - A CORS preflight is answered here (204); every response carries the CORS headers.
 * - A body over `maxBodyBytes` is 413, before any handler runs.
 * - A request no handler answers is the API's 404 envelope.
 * - `Response.error()` (an injected network error) destroys the socket: the client sees a reset.
 * - Anything unexpected is the API's 500 envelope; the server keeps serving.
 */
export function createMockRequestListener(options: MockRequestListenerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const handlers = [...options.handlers]
  return (req, res) => {
    const startedAt = performance.now()
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    let outcome: 'reset' | undefined
    // @note A socket error after the response started must not become an uncaught exception.
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    res.once('close', () => {
      const status = outcome ?? (res.writableFinished ? res.statusCode : 'aborted')
      options.log?.(formatAccessLogLine(method, target, status, performance.now() - startedAt))
    })

    void (async () => {
      for (const [name, value] of Object.entries(toCorsHeaders(req.headers, isPreflight(method, req.headers)))) res.setHeader(name, value)
      if (isPreflight(method, req.headers)) {
        res.writeHead(204).end()
        return
      }

      const body = await readBody(req, options.maxBodyBytes)
      if (body.kind === 'aborted') return
      if (body.kind === 'too-large') {
        const error = new ApiError('payload_too_large', [ERROR_MESSAGES.payloadTooLarge(options.maxBodyBytes)])
        sendError(res, error, body.closeConnection ? { Connection: 'close' } : {})
        return
      }
      if (options.delayMs !== undefined && options.delayMs > 0) {
        await sleep(options.delayMs, undefined, options.signal === undefined ? {} : { signal: options.signal })
      }

      const url = toRequestUrl(req, serverAddress(req))
      if (FORBIDDEN_METHODS.has(method.toUpperCase())) {
        sendError(res, new ApiError('route_not_found', [ERROR_MESSAGES.routeNotFound(method, url.pathname)]))
        return
      }
      const hasBody = body.bytes !== undefined && method !== 'GET' && method !== 'HEAD'
      const request = new Request(url, {
        method,
        headers: toRequestHeaders(req),
        ...(hasBody ? { body: body.bytes as Uint8Array<ArrayBuffer> } : {}),
      })
      const response = await getResponse(handlers, request, { baseUrl: url.origin })

      if (response === undefined) {
        sendError(res, new ApiError('route_not_found', [ERROR_MESSAGES.routeNotFound(method, url.pathname)]))
      } else if (response.type === 'error') {
        outcome = 'reset'
        // `resetAndDestroy` (Node 18.3+) sends a TCP RST, so the client sees ECONNRESET.
        if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy()
        else req.socket.destroy()
      } else {
        await writeResponse(response, req, res)
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
      sendError(res, new ApiError('internal_error', [ERROR_MESSAGES.internalError], { details: String(error) }))
    })
  }
}

/**
 * Answers what Node's HTTP parser rejects (garbage, a malformed request line, oversized
 * headers) with a 400/431/408 in the API's envelope, then closes that connection only.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket, log: ((line: string) => void) | undefined): void {
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
  const body = JSON.stringify(new ApiError('bad_request', [message], { status, statusMessage: reason }).toBody())
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
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => answerClientError(error, socket, options.log))
  return server
}
