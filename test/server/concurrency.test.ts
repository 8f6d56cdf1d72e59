/**
 * The 1,000-request workload of concurrency-workload.ts through the demo server (issue 3) over
 * loopback, all in flight at once on a bounded pool of keep-alive connections: the store comes
 * out consistent, and the access log has one line per request with no secret in it.
 */
import { expect, it } from 'vitest'
import {
  buildWorkload,
  LOAD_TIME,
  SETUP_TIME,
  WORKLOAD_RATE_LIMIT,
  WORKLOAD_SIZE,
  type Outcome,
} from '../reliability/concurrency-workload.js'
import { recordFigures } from '../reliability/figures.js'
import { boundedAgent, sendHttp, startServer } from './support.js'

it('keeps the store consistent under 1,000 concurrent mixed requests over HTTP', async () => {
  let nowMs = SETUP_TIME
  const lines: string[] = []
  const server = await startServer({
    scenario: 'empty',
    now: () => new Date(nowMs),
    rateLimit: WORKLOAD_RATE_LIMIT,
    log: (line) => lines.push(line),
  })
  const agent = boundedAgent(64)
  try {
    const workload = await buildWorkload(server.mock)
    nowMs = LOAD_TIME
    const outcomes = await Promise.all(
      workload.requests.map((request): Promise<Outcome> =>
        sendHttp(`${server.baseUrl}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          agent,
          timeoutMs: 30_000,
        }),
      ),
    )
    workload.verify(outcomes)

    // One access-log line per request: method, path, status, time; no header value, no secret.
    // A line is written when its connection finishes the response: wait for the last few (bounded).
    for (let waited = 0; lines.length < WORKLOAD_SIZE && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(lines).toHaveLength(WORKLOAD_SIZE)
    for (const line of lines) expect(line).toMatch(/^[A-Z]+ \/api\/v1\/\S* \d{3} \d+(\.\d+)?ms$/)
    const log = lines.join('\n')
    for (const secret of workload.secrets())
      expect(log.includes(secret), 'the access log holds a secret').toBe(false)
    recordFigures('concurrency-server', { requests: outcomes.length, 'log lines': lines.length })
  } finally {
    agent.destroy()
    await server.close()
  }
}, 90_000)
