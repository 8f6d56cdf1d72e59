/**
 * What the core takes and gives: a request and an answer as every transport can build and send
 * them, with no Fetch objects and no Node API. Adapters build a request from an msw `Request`, a
 * `node:http` `IncomingMessage` or `fetch`'s arguments, and send the answer back their own way.
 */
import type { HeaderLookup } from './credentials.js'

/** A request target's path and its query string (without the `?`). */
export function splitPath(target: string): { pathname: string; query: string } {
  const queryAt = target.indexOf('?')
  return queryAt < 0
    ? { pathname: target, query: '' }
    : { pathname: target.slice(0, queryAt), query: target.slice(queryAt + 1) }
}

export interface PlainRequest {
  readonly method: string
  /** The path and query as sent, e.g. `/api/v1/api_keys/1?x=1`. */
  readonly path: string
  /** The base path the adapter received it under, e.g. `/api/v1` (`''` for a base at the origin's root). */
  readonly basePath: string
  /**
   * The origin the request was sent to (`http://localhost:3000`), where the adapter knows it:
   * URLs the fake mints on itself (an upload URL) start with it.
   */
  readonly origin?: string | undefined
  /** A header by its lower-case name; repeated headers joined with `, `. */
  readonly header: HeaderLookup
  /** The body's bytes; `undefined` when there is none. */
  readonly body: Uint8Array | undefined
  /** Set by an adapter that stopped reading a body past `maxBodyBytes` (the demo server streams). */
  readonly bodyTooLarge?: boolean
  /** Aborts an injected latency; the answer then rejects with the signal's reason. */
  readonly signal?: AbortSignal | undefined
}

/** What the core answers: a response to send, or an injected network error to simulate. */
export type CoreAnswer =
  | {
      kind: 'response'
      status: number
      headers: Readonly<Record<string, string>>
      /** JSON text, or the bytes of a `RawReply`. */
      body: string | Uint8Array<ArrayBuffer>
    }
  | { kind: 'network-error' }

export interface Core {
  /**
   * Answers one request. `undefined` means the request is not the API's: no route matched and
   * unknown routes pass through.
   */
  handle(request: PlainRequest): Promise<CoreAnswer | undefined>
  /**
   * The endpoint a request routes to (`unknownRoute` when none does), or `undefined` when no
   * route matches and unknown routes pass through. Routing only: no body is read, nothing is
   * counted or journaled (`handlersByEndpoint` asks it before reading a body).
   * @param path The path as sent, query included or not.
   */
  route(method: string, path: string, basePath: string): string | undefined
}
