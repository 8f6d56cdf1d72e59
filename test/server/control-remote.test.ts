import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { CONTROL_MESSAGES } from '../../src/node/control.js'

// The control API seen from another address than loopback. The client runs in a network
// namespace of its own, joined to this one by a veth pair (10.231.X.1 here, 10.231.X.2 there):
// its requests arrive from a real non-loopback address, and no traffic leaves this machine.
// Creating the namespace needs root and iproute2 (CI runs as root); without them the suite is
// skipped, and checkControlAccess's table test (src/node/control.test.ts) still covers the rule.

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 })

const NAMESPACE = `vm-ctl-${process.pid}`
const HOST_LINK = `vmc${process.pid % 1_000_000}a`
const PEER_LINK = `vmc${process.pid % 1_000_000}b`
const SUBNET = `10.231.${process.pid % 250}`
const HOST_ADDRESS = `${SUBNET}.1`
const PEER_ADDRESS = `${SUBNET}.2`

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' })
}

function setUpNamespace(): string | undefined {
  if (process.getuid?.() !== 0) return 'creating a network namespace needs root'
  if (spawnSync('ip', ['-V']).status !== 0) return 'the ip command (iproute2) is missing'
  try {
    ip('netns', 'add', NAMESPACE)
    ip('link', 'add', HOST_LINK, 'type', 'veth', 'peer', 'name', PEER_LINK)
    ip('link', 'set', PEER_LINK, 'netns', NAMESPACE)
    ip('addr', 'add', `${HOST_ADDRESS}/30`, 'dev', HOST_LINK)
    ip('link', 'set', HOST_LINK, 'up')
    ip('netns', 'exec', NAMESPACE, 'ip', 'addr', 'add', `${PEER_ADDRESS}/30`, 'dev', PEER_LINK)
    ip('netns', 'exec', NAMESPACE, 'ip', 'link', 'set', PEER_LINK, 'up')
    return undefined
  } catch (error) {
    tearDownNamespace()
    return `cannot create a network namespace here: ${String(error)}`
  }
}

function tearDownNamespace(): void {
  spawnSync('ip', ['link', 'del', HOST_LINK], { stdio: 'ignore' })
  spawnSync('ip', ['netns', 'del', NAMESPACE], { stdio: 'ignore' })
}

/**
 * One request sent from inside the namespace (from PEER_ADDRESS): its status and JSON body.
 * @note Asynchronous: the server answering it runs in this very process.
 */
async function requestFromPeer(
  url: string,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const script = `
    const response = await fetch(${JSON.stringify(url)}, ${JSON.stringify(init)})
    process.stdout.write(JSON.stringify({ status: response.status, body: await response.json() }))
  `
  const { stdout } = await promisify(execFile)(
    'ip',
    ['netns', 'exec', NAMESPACE, process.execPath, '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 20_000 },
  )
  return JSON.parse(stdout)
}

let skipReason: string | undefined
let server: MockServer | undefined
let withToken: MockServer | undefined

beforeAll(async () => {
  skipReason = setUpNamespace()
  if (skipReason !== undefined) return
  server = await startMockServer({ host: HOST_ADDRESS })
  withToken = await startMockServer({ host: HOST_ADDRESS, controlToken: 'sesame-123' })
})

afterAll(async () => {
  await server?.close()
  await withToken?.close()
  if (skipReason === undefined) tearDownNamespace()
})

it('refuses a control request from a non-loopback address without the token, with 403', async (context) => {
  if (skipReason !== undefined) context.skip(skipReason)
  const answer = await requestFromPeer(`${server?.url ?? ''}/__voiceable/reset`, { method: 'POST' })
  expect(answer).toEqual({
    status: 403,
    body: {
      status: { code: 403, message: 'Forbidden' },
      error: 'forbidden',
      errors: [CONTROL_MESSAGES.notLoopback(PEER_ADDRESS)],
    },
  })
  // The API itself answers other addresses as always.
  const apiAnswer = await requestFromPeer(`${server?.baseUrl ?? ''}/api_keys/1`, {
    headers: { 'X-API-Key': 'your-api-key-here' },
  })
  expect(apiAnswer.status).toBe(200)
})

it('admits a control request from a non-loopback address that bears the token', async (context) => {
  if (skipReason !== undefined) context.skip(skipReason)
  const url = `${withToken?.url ?? ''}/__voiceable/journal`
  const admitted = await requestFromPeer(url, { headers: { Authorization: 'Bearer sesame-123' } })
  expect(admitted.status).toBe(200)
  expect((await requestFromPeer(url)).status).toBe(403)
  expect(await requestFromPeer(url, { headers: { Authorization: 'Bearer wrong' } })).toMatchObject({
    status: 403,
    body: { errors: [CONTROL_MESSAGES.wrongToken] },
  })
})
