/** Raw TCP exchanges with a server, for requests no HTTP client would send. */
import { connect, type Socket } from 'node:net'

const WAIT_MS = 10_000

export interface RawExchange {
  /** Everything the server sent before closing the connection (or before `WAIT_MS`). */
  response: string
  /** How the connection ended: the server closed it, reset it, or never closed it in time. */
  ending: 'closed' | 'reset' | 'timeout'
}

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) }, () =>
      resolve(socket),
    )
    socket.once('error', reject)
  })
}

/** Sends `bytes`, then reads until the server closes the connection. */
export async function rawExchange(url: string, bytes: string | Buffer): Promise<RawExchange> {
  const socket = await open(url)
  return new Promise((resolve) => {
    let response = ''
    const finish = (ending: RawExchange['ending']): void => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ response, ending })
    }
    const timer = setTimeout(() => finish('timeout'), WAIT_MS)
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => (response += chunk))
    socket.on('error', (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ECONNRESET' ? 'reset' : 'closed'),
    )
    socket.on('end', () => finish('closed'))
    socket.write(bytes)
  })
}

/** Sends `bytes` (e.g. the headers and half a body) and hangs up without reading. */
export async function sendAndHangUp(url: string, bytes: string | Buffer): Promise<void> {
  const socket = await open(url)
  await new Promise<void>((resolve) => socket.write(bytes, () => resolve()))
  socket.destroy()
}

/** The JSON body of a raw HTTP/1.1 response with a `Content-Length`. */
export function rawJsonBody(response: string): unknown {
  const start = response.indexOf('\r\n\r\n')
  return JSON.parse(response.slice(start + 4))
}

/** The status code of a raw HTTP/1.1 response. */
export function rawStatus(response: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1])
}
