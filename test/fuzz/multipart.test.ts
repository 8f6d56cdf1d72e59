/**
 * Multipart bodies (src/pipeline/body.ts) fuzzed on every endpoint that takes a body, through
 * msw, `mock.fetch` and the demo server: no 5xx but an injected fault, no stack trace, no secret
 * and no other user's data in any answer or journal entry, and no prototype touched.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { BODY_ENDPOINTS, concretePath } from './endpoints.js'
import {
  apiTargets,
  CALLER_KEY,
  fuzzParameters,
  fuzzTimeout,
  sendAndCheck,
  type FuzzTarget,
} from './harness.js'
import { multipartCase } from './multipart.js'

let targets: FuzzTarget[] = []
const sent = { cases: 0, statuses: new Map<number, number>() }

beforeAll(async () => {
  targets = await apiTargets()
})

afterAll(async () => {
  await Promise.all(targets.map((target) => target.close()))
})

it(
  'answers every multipart body, broken or not, without a 5xx, a trace or a leak',
  async () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
    const paths = new Map<string, string>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BODY_ENDPOINTS),
        multipartCase,
        fc.option(fc.constantFrom(500, 502, 503), { nil: undefined }),
        async (endpoint, { contentType, body }, injected) => {
          sent.cases++
          for (const target of targets) {
            const key = `${target.name} ${endpoint.template}`
            const path = paths.get(key) ?? (await concretePath(target, endpoint.template))
            paths.set(key, path)
            if (injected !== undefined) target.mock.faults.error(injected, { times: 1 })
            try {
              const answer = await sendAndCheck(
                target,
                {
                  method: endpoint.method,
                  path,
                  headers: [
                    ['X-API-Key', CALLER_KEY],
                    ['Content-Type', contentType],
                  ],
                  body,
                },
                { injected },
              )
              sent.statuses.set(answer.status, (sent.statuses.get(answer.status) ?? 0) + 1)
            } finally {
              target.mock.faults.clear()
            }
          }
        },
      ),
      fuzzParameters(),
    )
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    // The bodies really reached the cores, and were not all refused alike.
    expect(sent.statuses.size).toBeGreaterThan(1)
  },
  fuzzTimeout(1),
)
