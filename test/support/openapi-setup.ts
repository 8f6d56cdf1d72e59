/**
 * vitest setup file: every mock the tests create (`createVoiceableMock`, `startMockServer`, from
 * the build or the sources) has each response checked against the OpenAPI document as its
 * journal records it (`openapi-responses.ts`), and a test fails on any that does not match. The
 * library has no hook for it: the factories are wrapped here.
 */
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest'
import { assertResponsesMatched, reportCheckedResponses, trackMock } from './openapi-responses.js'

vi.mock(import('voiceable-mock'), async (importOriginal) => {
  const original = await importOriginal()
  return {
    ...original,
    createVoiceableMock(options) {
      const mock = original.createVoiceableMock(options)
      trackMock(mock, options)
      return mock
    },
  }
})

vi.mock(import('voiceable-mock/node'), async (importOriginal) => {
  const original = await importOriginal()
  return {
    ...original,
    async startMockServer(options) {
      const server = await original.startMockServer(options)
      trackMock(server.mock, options)
      return server
    },
  }
})

// Unit tests (src/**) and the sources' own server build mocks through src/mock.ts.
vi.mock(import('../../src/mock.js'), async (importOriginal) => {
  const original = await importOriginal()
  return {
    ...original,
    createVoiceableMock(options) {
      const mock = original.createVoiceableMock(options)
      trackMock(mock, options)
      return mock
    },
    createMockInternals(options, hooks) {
      const internals = original.createMockInternals(options, hooks)
      trackMock(internals.mock, options)
      return internals
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
