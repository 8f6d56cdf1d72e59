import type { HttpHandler } from 'msw'
import { setupServer } from 'msw/node'

/** What msw does with a request that no handler answers. */
export type UnhandledStrategy = 'bypass' | 'warn' | 'error'

export type MswServer = ReturnType<typeof setupServer>

/**
 * Starts `setupServer` with the given handlers on either msw major, and returns the server.
 * `close()` may be called any number of times.
 * @example
 * const server = startMswServer(mock.handlers)
 * afterAll(() => server.close())
 */
export function startMswServer(
  handlers: readonly HttpHandler[],
  unhandled: UnhandledStrategy = 'error',
): MswServer {
  const server = setupServer(...handlers)
  // @note msw 2 reads `onUnhandledRequest`, msw 3 reads `onUnhandledFrame`; each ignores the
  // other. A variable rather than a literal, so neither major's types reject the other's key.
  const listenOptions = { onUnhandledRequest: unhandled, onUnhandledFrame: unhandled }
  server.listen(listenOptions)
  // @note msw 3's close() throws when the server is already closed ("already disabled");
  // msw 2's does not. Teardown code (afterAll plus an explicit close in a test) may run twice.
  const close = server.close.bind(server)
  let open = true
  server.close = () => {
    if (!open) return
    open = false
    close()
  }
  return server
}
