/**
 * Helpers of the server-side reliability suites (server-*.test.ts): start the demo server
 * (`startMockServer` of `voiceable-mock/node`) on loopback, talk to it over HTTP and over raw
 * sockets, every wait bounded.
 */
import { Agent, request as httpRequest } from 'node:http'
import { connect, type Socket } from 'node:net'
import { startMockServer, type MockServer, type StartMockServerOptions } from 'voiceable-mock/node'

export type { MockServer }

/** Starts the demo server on 127.0.0.1 and a free port. */
export function startServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  return startMockServer({ port: 0, host: '127.0.0.1', ...options })
}

export interface HttpOutcome {
  status: number
  headers: Headers
  text: string
}

/**
 * One HTTP request with `node:http`, so headers go out exactly as given (repeated ones too).
 * Rejects after `timeoutMs`; a reset connection resolves as status 0.
 */
export function sendHttp(
  url: string,
  init: {
    method?: string
    headers?: [string, string][]
    body?: string | Uint8Array
    agent?: Agent
    timeoutMs?: number
  } = {},
): Promise<HttpOutcome> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    // Repeated names become one array, which node:http sends as repeated header lines.
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of init.headers ?? []) {
      const previous = headers[name]
      headers[name] =
        previous === undefined
          ? value
          : [...(Array.isArray(previous) ? previous : [previous]), value]
    }
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers,
        ...(init.agent === undefined ? {} : { agent: init.agent }),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const responseHeaders = new Headers()
          for (const [name, value] of Object.entries(res.headers))
            if (typeof value === 'string') responseHeaders.set(name, value)
          resolve({
            status: res.statusCode ?? 0,
            headers: responseHeaders,
            text: Buffer.concat(chunks).toString('utf8'),
          })
        })
        res.on('error', reject)
      },
    )
    req.setTimeout(init.timeoutMs ?? 15_000, () =>
      req.destroy(
        new Error(
          `Failed to get an answer to ${init.method ?? 'GET'} ${url} within ${init.timeoutMs ?? 15_000} ms`,
        ),
      ),
    )
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET'
        ? resolve({ status: 0, headers: new Headers(), text: '' })
        : reject(error),
    )
    if (init.body !== undefined) req.write(init.body)
    req.end()
  })
}

/** True once `raw` holds a whole response: its head and a `Content-Length` body, or a final chunk. */
function isCompleteResponse(raw: Buffer): boolean {
  const split = raw.indexOf('\r\n\r\n')
  if (split === -1) return false
  const head = raw.subarray(0, split).toString('latin1')
  if (/^HTTP\/1\.[01] 1\d\d/.test(head)) return false
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1]
  if (length !== undefined) return raw.byteLength - split - 4 >= Number(length)
  return (
    /\r\ntransfer-encoding: *chunked/i.test(head) &&
    raw.subarray(-5).toString('latin1') === '0\r\n\r\n'
  )
}

export interface RawExchange {
  /** Everything the server wrote before the connection closed or the wait ended. */
  text: string
  /** The connection was closed (by either side) before the wait ended. */
  closed: boolean
  /** The HTTP status of the first response in `text`, or 0. */
  status: number
  /** The body of the first response (after the blank line). */
  body: string
}

/**
 * Opens a raw TCP connection to `url`'s host, lets `write` send on it, and collects what comes
 * back until the server closes, `isDone` says one whole answer is in, or `waitMs` passes; the
 * socket is always destroyed. `closed` says whether the server (or an error) ended it.
 */
function collectFromSocket(
  url: URL,
  write: (socket: Socket, isSettled: () => boolean) => void,
  options: { waitMs: number; isDone?: (received: Buffer) => boolean },
): Promise<{ raw: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: url.hostname, port: Number(url.port) })
    const received: Buffer[] = []
    let settled = false
    const finish = (closed: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ raw: Buffer.concat(received), closed })
    }
    const timer = setTimeout(() => finish(false), options.waitMs)
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk)
      if (options.isDone?.(Buffer.concat(received)) === true) finish(false)
    })
    socket.on('close', () => finish(true))
    socket.on('error', () => finish(true))
    socket.on('connect', () => write(socket, () => settled))
  })
}

/**
 * Writes `chunks` to a raw TCP connection (with `gapMs` between them), optionally half-closes,
 * then reads until the server closes or `waitMs` passes; the socket is always destroyed.
 */
export async function rawExchange(
  url: string,
  chunks: (string | Uint8Array)[],
  options: { gapMs?: number; waitMs?: number; end?: boolean } = {},
): Promise<RawExchange> {
  const { raw, closed } = await collectFromSocket(
    new URL(url),
    (socket, isSettled) =>
      void (async () => {
        for (const [index, chunk] of chunks.entries()) {
          if (isSettled() || socket.destroyed) return
          if (index > 0 && (options.gapMs ?? 0) > 0)
            await new Promise((wait) => setTimeout(wait, options.gapMs))
          if (!socket.destroyed) socket.write(chunk)
        }
        if (options.end === true && !socket.destroyed) socket.end()
      })(),
    // Done as soon as one whole response is in: the server may keep the connection open.
    { waitMs: options.waitMs ?? 3000, isDone: isCompleteResponse },
  )
  const text = raw.toString('latin1')
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0)
  const separator = text.indexOf('\r\n\r\n')
  return { text, closed, status, body: separator === -1 ? '' : text.slice(separator + 4) }
}

/** A bounded keep-alive agent for load: at most `maxSockets` connections. */
export function boundedAgent(maxSockets = 64): Agent {
  return new Agent({ keepAlive: true, maxSockets })
}

/** Decodes a `Transfer-Encoding: chunked` body. */
function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = []
  let offset = 0
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', offset)
    if (lineEnd === -1) break
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString('latin1'), 16)
    if (!(size > 0)) break
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size))
    offset = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}

/**
 * One HTTP/1.1 request written byte for byte on a raw socket (`Connection: close`), so that
 * headers no HTTP client library would send (control characters, repeats, huge values) reach
 * the server as they are. Header values are written as Latin-1, the body as UTF-8.
 */
export async function sendRaw(
  url: string,
  init: {
    method: string
    headers: [string, string][]
    body?: string | Uint8Array | undefined
    waitMs?: number
  },
): Promise<HttpOutcome & { closed: boolean }> {
  const target = new URL(url)
  const body =
    init.body === undefined
      ? undefined
      : typeof init.body === 'string'
        ? Buffer.from(init.body, 'utf8')
        : Buffer.from(init.body)
  const lines = [
    `${init.method} ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    ...init.headers.map(([name, value]) => `${name}: ${value}`),
  ]
  if (body !== undefined) lines.push(`Content-Length: ${body.byteLength}`)
  lines.push('Connection: close', '', '')
  const head = Buffer.from(lines.join('\r\n'), 'latin1')
  const { raw, closed } = await collectFromSocket(
    target,
    (socket) => {
      socket.write(head)
      if (body !== undefined) socket.write(body)
    },
    { waitMs: init.waitMs ?? 15_000 },
  )
  const split = raw.indexOf('\r\n\r\n')
  const headText = (split === -1 ? raw : raw.subarray(0, split)).toString('latin1')
  const headers = new Headers()
  for (const line of headText.split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  const rawBody = split === -1 ? Buffer.alloc(0) : raw.subarray(split + 4)
  const text = (
    headers.get('transfer-encoding') === 'chunked' ? dechunk(rawBody) : rawBody
  ).toString('utf8')
  return {
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(headText)?.[1] ?? 0),
    headers,
    text,
    closed,
  }
}
