import { afterEach, beforeEach, vi } from 'vitest'

// Any console output fails the test: msw's own warnings (set onUnhandledRequest: 'error')
// and stray logs are failures, not noise.
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const

beforeEach(() => {
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`Unexpected console.${method}: ${args.map(String).join(' ')}`)
    })
  }
})

afterEach(() => {
  vi.restoreAllMocks()
})
