/**
 * vitest setup file: every response of every mock the tests create (in-process, through msw,
 * `mock.fetch` or the demo server) is checked against the OpenAPI document as its journal record
 * is added (`openapi-responses.ts`), and a test fails on any that does not match. The library has
 * no hook for it: the core is created here with its fault injector and journal wrapped.
 */
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest'
import { assertResponsesMatched, reportCheckedResponses } from './openapi-responses.js'

vi.mock(import('../../src/core.js'), async (importOriginal) => {
  const original = await importOriginal()
  const { inRequestContext, instrumentRuntime } = await import('./openapi-responses.js')
  return {
    ...original,
    createCore(runtime) {
      const core = original.createCore(instrumentRuntime(runtime))
      return { ...core, handle: (request) => inRequestContext(() => core.handle(request)) }
    },
  }
})

let file = ''

beforeAll(() => {
  file = expect.getState().testPath ?? ''
})

afterEach(assertResponsesMatched)

afterAll(async () => {
  // Responses of `beforeAll` and `afterAll` hooks are checked here.
  await assertResponsesMatched()
  reportCheckedResponses(file)
})
