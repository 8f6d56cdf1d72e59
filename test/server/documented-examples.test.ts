import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { killAllClis, NODE_PATH, startCli, type RunningCli } from '../support/cli-process.js'
import { fixture } from '../support/fixtures.js'
import {
  SEED_CURL_EXAMPLE,
  SEED_JAVASCRIPT_EXAMPLE,
  SEED_PYTHON_EXAMPLE,
  withBaseUrl,
} from '../support/seed-examples.js'

vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 })

const run = promisify(execFile)
const EXAMPLE_TIMEOUT_MS = 15_000
/** The documented Get response, as a value and with the page's whitespace removed (field order kept). */
const DOCUMENTED = fixture('get-api-key.response.json')
const DOCUMENTED_BODY = JSON.stringify(DOCUMENTED)

/** The first Python with `requests` (Debian's python3-requests first), or undefined. */
async function findPythonWithRequests(): Promise<string | undefined> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await run(candidate, ['-c', 'import requests'], { timeout: EXAMPLE_TIMEOUT_MS })
      return candidate
    } catch {
      // try the next one
    }
  }
  return undefined
}

async function hasCurl(): Promise<boolean> {
  try {
    await run('curl', ['--version'], { timeout: EXAMPLE_TIMEOUT_MS })
    return true
  } catch {
    return false
  }
}

// @note In CI the tools are installed by .ci/run, so a missing one is a failure there, not a skip.
const python = await findPythonWithRequests()
const curl = await hasCurl()
const inCi = process.env['CI'] === 'true'

let server: RunningCli

beforeAll(async () => {
  server = await startCli()
})

afterAll(async () => {
  await server.stop()
  killAllClis()
})

it.skipIf(!curl && !inCi)(
  "answers the seed page's curl example with the documented response, byte for byte",
  async () => {
    const { stdout } = await run('sh', ['-c', withBaseUrl(SEED_CURL_EXAMPLE, server.baseUrl)], {
      timeout: EXAMPLE_TIMEOUT_MS,
    })
    expect(stdout).toBe(DOCUMENTED_BODY)
  },
)

it.skipIf(!curl && !inCi)(
  "answers the banner's ready-to-paste curl line with the documented response",
  async () => {
    const line = /^ {4}(curl .+)$/m.exec(server.stdout())?.[1]
    expect(line).toBe(
      `curl -X GET "${server.url.replace('127.0.0.1', 'localhost')}/api/v1/api_keys/1" -H "X-API-Key: your-api-key-here"`,
    )
    const { stdout } = await run('sh', ['-c', line as string], { timeout: EXAMPLE_TIMEOUT_MS })
    expect(stdout).toBe(DOCUMENTED_BODY)
  },
)

it("answers the seed page's JavaScript fetch example with the documented response", async () => {
  const script = `${withBaseUrl(SEED_JAVASCRIPT_EXAMPLE, server.baseUrl)}\nprocess.stdout.write(JSON.stringify({ status: response.status, data }));`
  const { stdout } = await run(NODE_PATH, ['--input-type=module', '-e', script], {
    timeout: EXAMPLE_TIMEOUT_MS,
  })
  expect(JSON.parse(stdout)).toEqual({ status: 200, data: DOCUMENTED })
  expect(JSON.stringify(JSON.parse(stdout).data)).toBe(DOCUMENTED_BODY)
})

it.skipIf(python === undefined && !inCi)(
  "answers the seed page's Python requests example with the documented response",
  async () => {
    if (python === undefined)
      throw new Error('python3 with requests is missing: .ci/run installs python3-requests')
    const script = `${withBaseUrl(SEED_PYTHON_EXAMPLE, server.baseUrl)}\nimport json, sys\nsys.stdout.write(json.dumps({"status": response.status_code, "data": data}, separators=(",", ":")))`
    const { stdout } = await run(python, ['-c', script], { timeout: EXAMPLE_TIMEOUT_MS })
    expect(JSON.parse(stdout)).toEqual({ status: 200, data: DOCUMENTED })
    expect(JSON.stringify(JSON.parse(stdout).data)).toBe(DOCUMENTED_BODY)
  },
)

it("answers the seed page's example under the real backend's prefix /voiceable-api too", async () => {
  const response = await fetch(`${server.url}/voiceable-api/api_keys/1`, {
    headers: { 'X-API-Key': 'your-api-key-here' },
  })
  expect(response.status).toBe(200)
  expect(await response.text()).toBe(DOCUMENTED_BODY)
})

it('sends the documented content type and the rate-limit headers over HTTP', async () => {
  const response = await fetch(`${server.baseUrl}/api_keys/1`, {
    headers: { 'X-API-Key': 'your-api-key-here' },
  })
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(response.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/)
  expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/)
  expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/)
})
