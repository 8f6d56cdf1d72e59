/**
 * A backend that is not quite the fake: an HTTP proxy in front of the demo server that lets a
 * test change each answer (status, headers, JSON body) before it is sent on. `verify` is run
 * against it to show that it finds and names every kind of change.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** An answer of the demo server, as the proxy is about to send it on. */
export interface ProxiedAnswer {
  readonly method: string
  /** Under the base path: `/api_keys/1`. */
  readonly path: string
  status: number
  headers: Record<string, string>
  /** The parsed JSON body (its key order kept when it is written back). */
  body: unknown
}

export interface DriftProxy {
  /** The proxy's origin + the base path it forwards: the base URL to verify. */
  readonly baseUrl: string
  /** Changes answers before they are sent on; unset, the proxy changes nothing. */
  drift: ((answer: ProxiedAnswer) => void) | undefined
  /** Every answer sent, as sent. */
  readonly answers: ProxiedAnswer[]
  close(): Promise<void>
}

/** The headers of the demo server's answer that the proxy sends on. */
const FORWARDED = [
  'content-type',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
]

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return chunks.length === 0 ? undefined : Buffer.concat(chunks).toString('utf8')
}

/** Starts a proxy to `upstream` (the demo server's origin) on loopback, forwarding `basePath`. */
export async function startDriftProxy(upstream: string, basePath = '/api/v1'): Promise<DriftProxy> {
  const answers: ProxiedAnswer[] = []
  const proxy: { drift: DriftProxy['drift'] } = { drift: undefined }

  async function forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const headers = new Headers()
    for (const name of ['x-api-key', 'authorization', 'content-type', 'accept']) {
      const value = request.headers[name]
      if (typeof value === 'string') headers.set(name, value)
    }
    const method = request.method ?? 'GET'
    const body = await readBody(request)
    const upstreamAnswer = await fetch(`${upstream}${request.url ?? '/'}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    })
    // A body that is not JSON (a recording) is passed on as its bytes, unchanged.
    const bytes = Buffer.from(await upstreamAnswer.arrayBuffer())
    const isJson = upstreamAnswer.headers.get('content-type')?.includes('json') ?? false
    const answer: ProxiedAnswer = {
      method,
      path: (request.url ?? '').slice(basePath.length),
      status: upstreamAnswer.status,
      headers: Object.fromEntries(
        FORWARDED.flatMap((name) => {
          const value = upstreamAnswer.headers.get(name)
          return value === null ? [] : [[name, value]]
        }),
      ),
      body: isJson ? (JSON.parse(bytes.toString('utf8')) as unknown) : bytes,
    }
    proxy.drift?.(answer)
    answers.push(answer)
    const sent =
      typeof answer.body === 'string' || Buffer.isBuffer(answer.body)
        ? answer.body
        : JSON.stringify(answer.body)
    response.writeHead(answer.status, {
      ...answer.headers,
      'content-length': Buffer.byteLength(sent),
    })
    response.end(sent)
  }

  const server = createServer((request, response) => {
    forward(request, response).catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' })
      response.end(`drift proxy: ${String(error)}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}${basePath}`,
    get drift() {
      return proxy.drift
    },
    set drift(drift) {
      proxy.drift = drift
    },
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
