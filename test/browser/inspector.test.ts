import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import {
  startMockServer,
  type MockServer,
  type StartMockServerOptions,
} from '../../src/node/index.js'
import { launchChromium } from './support/chromium.js'
import {
  curl,
  DOCUMENTED_KEY,
  openInspector,
  requestButton,
  screenshot,
  unnamedControls,
  type OpenedInspector,
} from './support/inspector.js'
import { startStaticServer, type StaticServer } from './support/static-server.js'

// The inspector (the demo server's page at /__voiceable/) in real headless Chromium: requests
// appear live, a 404's reason, Reset, Scenario and faults through the page, the Origin rule, the
// token prompt, both sizes. `npm run test:inspector` (builds first: the page is dist/inspector/).

let browser: Browser
const servers: MockServer[] = []
const opened: OpenedInspector[] = []

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

afterEach(async () => {
  // No page made a console error or an uncaught error, whatever the test did.
  for (const { problems } of opened) expect(problems).toEqual([])
  await Promise.all(opened.splice(0).map(({ context }) => context.close()))
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: StartMockServerOptions = {}): Promise<MockServer> {
  const server = await startMockServer(options)
  servers.push(server)
  return server
}

async function open(url: string, viewport?: { width: number; height: number }) {
  const inspector = await openInspector(browser, url, viewport)
  opened.push(inspector)
  return inspector.page
}

it('shows a request made with curl in Requests within a second, with no reload', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  const status = await curl('GET', `${server.baseUrl}/api_keys/1`)
  const answered = Date.now()
  expect(status).toBe('200')
  const row = requestButton(page, 'GET /api/v1/api_keys/1, 200')
  await row.waitFor({ timeout: 1000 })
  expect(Date.now() - answered).toBeLessThan(1000)
  const cells = await row.locator('xpath=ancestor::tr').locator('td').allTextContents()
  expect(cells.slice(1)).toEqual([
    'GET',
    '/api/v1/api_keys/1',
    'getApiKey',
    '200',
    '1',
    'private key',
    expect.stringMatching(/^\d+(\.\d)? m?s$/),
  ])
})

it("shows why a foreign key's 404 is a 404, and the bodies with secrets masked", async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  expect(await curl('GET', `${server.baseUrl}/api_keys/2`)).toBe('404')
  await requestButton(page, 'GET /api/v1/api_keys/2, 404').click()
  await expect
    .poll(() => page.locator('.reason').textContent())
    .toBe('404: API key 2 belongs to user 2, not to the caller (user 1)')
  // The response said no such thing: the reason is the journal's alone.
  expect(await page.locator('figure', { hasText: 'Response body' }).textContent()).toContain(
    '"API key not found"',
  )
  expect(
    await curl(
      'POST',
      `${server.baseUrl}/api_keys`,
      DOCUMENTED_KEY,
      '{"api_key":{"name":"CI","key_type":"private"}}',
    ),
  ).toBe('201')
  await requestButton(page, 'POST /api/v1/api_keys, 201').click()
  const response = await page.locator('figure', { hasText: 'Response body' }).textContent()
  expect(response).toContain('"key_value": "sk_live_********"')
  const secret = server.mock.store.listApiKeys(1, { revealKeyValues: true }).at(-1)?.key_value
  expect(await page.content()).not.toContain(secret)
  expect(await page.content()).not.toContain('your-api-key-here')
})

it('filters requests by endpoint, status class and user, and clears the journal', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  await curl('GET', `${server.baseUrl}/api_keys/1`)
  await curl('GET', `${server.baseUrl}/api_keys`, {})
  await curl('GET', `${server.baseUrl}/agents`)
  const rows = page.locator('.requests tbody tr')
  await expect.poll(() => rows.count()).toBe(3)
  const filters = page.getByRole('group', { name: 'Filter requests' })
  await filters.getByLabel('Status').selectOption('4xx')
  expect(await rows.count()).toBe(1)
  await filters.getByLabel('Status').selectOption('')
  await filters.getByLabel('Endpoint').selectOption('listAgents')
  expect(await rows.count()).toBe(1)
  await filters.getByLabel('Endpoint').selectOption('')
  await filters.getByLabel('User').selectOption('anonymous')
  expect(await rows.allTextContents()).toEqual([expect.stringContaining('401')])
  await filters.getByLabel('User').selectOption('')
  await page.getByRole('button', { name: 'Clear journal' }).click()
  await expect.poll(() => rows.count()).toBe(0)
  expect(server.mock.journal.count()).toBe(0)
})

it('switches Scenario and Resets through the page, and the API answers accordingly', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  await page.getByLabel('Scenario').selectOption('empty')
  // The empty scenario has user 1 alone, without keys: the documented key no longer works.
  await expect.poll(() => curl('GET', `${server.baseUrl}/api_keys`)).toBe('401')
  await expect.poll(() => page.locator('.data').textContent()).toContain('scenario empty · 1 user')
  await page.getByLabel('Scenario').selectOption('documented')
  await expect.poll(() => curl('GET', `${server.baseUrl}/api_keys/1`)).toBe('200')
  expect(await curl('DELETE', `${server.baseUrl}/api_keys/2`, {})).toBe('401')
  const token = await server.mock.store.issueToken(2)
  expect(
    await curl('DELETE', `${server.baseUrl}/api_keys/2`, { Authorization: `Bearer ${token}` }),
  ).toBe('200')
  await expect.poll(() => server.mock.store.getApiKey(2, 2)).toBeUndefined()
  await page.getByRole('button', { name: 'Reset' }).click()
  await expect.poll(() => server.mock.store.getApiKey(2, 2)?.id).toBe(2)
  expect(await curl('GET', `${server.baseUrl}/api_keys/1`)).toBe('200')
})

it('adds a fault in the page that answers the next request, lists its hits and removes it', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  const faults = page.getByRole('region', { name: 'Faults', exact: true })
  await faults.getByLabel('Endpoint').selectOption('listApiKeys')
  await faults.getByLabel('Fault', { exact: true }).selectOption('error')
  await faults.getByLabel('Status').fill('503')
  await faults.getByLabel('Times').fill('1')
  await faults.getByRole('button', { name: 'Add fault' }).click()
  await faults.getByRole('listitem').getByText('error 503').waitFor()
  expect(await curl('GET', `${server.baseUrl}/api_keys`)).toBe('503')
  expect(await curl('GET', `${server.baseUrl}/api_keys`)).toBe('200')
  await requestButton(page, 'GET /api/v1/api_keys, 503').click()
  await expect
    .poll(() => page.locator('.reason').textContent())
    .toBe('injected fault: error 503 on listApiKeys')
  await expect.poll(() => faults.locator('li').textContent()).toContain('1 hit, run out')
  await faults.getByLabel('Fault', { exact: true }).selectOption('network')
  await faults.getByLabel('Times').fill('')
  await faults.getByRole('button', { name: 'Add fault' }).click()
  await faults.getByRole('listitem').getByText('network error').waitFor()
  expect(await curl('GET', `${server.baseUrl}/api_keys`)).toBe('000')
  await faults.getByRole('button', { name: /^Remove fault-2: network error/ }).click()
  await expect.poll(() => curl('GET', `${server.baseUrl}/api_keys`)).toBe('200')
})

it('injects an exhausted rate limit from the page, and says so', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  const faults = page.getByRole('region', { name: 'Faults', exact: true })
  await faults.getByLabel('Endpoint').selectOption('getApiKey')
  await faults.getByLabel('Fault', { exact: true }).selectOption('rate-limit')
  await faults.getByRole('button', { name: 'Add fault' }).click()
  await faults.getByRole('listitem').getByText('rate limit exhausted').waitFor()
  expect(await curl('GET', `${server.baseUrl}/api_keys/1`)).toBe('429')
  await requestButton(page, 'GET /api/v1/api_keys/1, 429').click()
  await expect
    .poll(() => page.locator('.reason').textContent())
    .toBe('injected fault: rate limit exhausted on getApiKey')
})

it('downloads the snapshot and uploads it back', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download snapshot' }).click(),
  ])
  const saved = await download.path()
  expect(download.suggestedFilename()).toBe('voiceable-mock-snapshot.json')
  expect(await curl('DELETE', `${server.baseUrl}/api_keys/1`)).toBe('200')
  await page.getByLabel('Upload snapshot').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: readFileSync(saved),
  })
  await page.getByText('Restored voiceable-mock-snapshot.json').waitFor()
  expect(await curl('GET', `${server.baseUrl}/api_keys/1`)).toBe('200')
  await page.getByLabel('Upload snapshot').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"nope"}'),
  })
  await page.locator('.notice.error').waitFor()
  expect(await page.locator('.notice').textContent()).toContain('format')
})

it('refuses the control API to a page on another origin, and works at 127.0.0.1 as at localhost', async () => {
  const server = await start()
  const { port } = new URL(server.url)
  for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
    const page = await open(`${origin}/__voiceable/`)
    await page.getByRole('button', { name: 'Reset' }).click()
    await page.getByText('Reset to the starting state').waitFor()
  }
  const dir = mkdtempSync(join(tmpdir(), 'voiceable-mock-foreign-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Another site</title>')
  const foreign: StaticServer = await startStaticServer(dir)
  try {
    expect(await curl('DELETE', `${server.baseUrl}/api_keys/1`)).toBe('200')
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${foreign.origin}/`)
    const tried = await page.evaluate(async (mock) => {
      // A form-like POST needs no preflight: the server itself must refuse it.
      await fetch(`${mock}/__voiceable/reset`, { method: 'POST', mode: 'no-cors' })
      const read = await fetch(`${mock}/__voiceable/data`).then(
        () => 'read',
        (error: unknown) => String(error),
      )
      return read
    }, server.url)
    await context.close()
    expect(tried).toBe('TypeError: Failed to fetch')
    // Not reset: key 1 is still deleted.
    expect(server.mock.store.getApiKey(1, 1)).toBeUndefined()
  } finally {
    await foreign.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

it('asks for the control token where the server needs it, and keeps it for the tab', async () => {
  const server = await start({ controlToken: 'sesame-123' })
  // Reached by a name that is no IP address and no localhost, the server needs its token.
  const named = await launchChromium([`--host-resolver-rules=MAP devbox.test 127.0.0.1`])
  try {
    const context = await named.newContext()
    const page = await context.newPage()
    await page.goto(`http://devbox.test:${new URL(server.url).port}/__voiceable/`)
    await page.getByRole('heading', { name: 'This server needs its control token' }).waitFor()
    await page.getByLabel('Control token', { exact: true }).fill('sesame-123')
    await page.getByRole('button', { name: 'Use token' }).click()
    await page.getByText('Live', { exact: true }).waitFor()
    await page.reload()
    await page.getByText('Live', { exact: true }).waitFor()
    await expect.poll(() => page.locator('.data').textContent()).toContain('user@example.com')
    await context.close()
  } finally {
    await named.close()
  }
})

it('offers the sessions in use, and shows the picked one alone', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  expect(await page.getByLabel('Session').count()).toBe(0)
  await curl('GET', `${server.baseUrl}/api_keys/1`)
  await curl('GET', `${server.baseUrl}/agents`, {
    ...DOCUMENTED_KEY,
    'X-Voiceable-Mock-Session': 'worker-1',
  })
  await page.getByLabel('Session').selectOption('worker-1')
  await requestButton(page, 'GET /api/v1/agents, 200').waitFor()
  expect(await page.locator('.requests tbody tr').count()).toBe(1)
})

it('has named landmarks and labelled controls, shows Requests and Data together, at both sizes', async () => {
  const server = await start()
  const page = await open(`${server.url}/__voiceable/`)
  for (const request of [
    ['GET', '/api_keys'],
    ['GET', '/api_keys/2'],
    ['GET', '/agents'],
    ['GET', '/api_keys/1'],
  ] as const)
    await curl(request[0], `${server.baseUrl}${request[1]}`)
  await curl(
    'POST',
    `${server.baseUrl}/api_keys`,
    DOCUMENTED_KEY,
    '{"api_key":{"name":"Staging key","key_type":"private"}}',
  )
  await curl('GET', `${server.baseUrl}/api_keys`, {})
  await server.control.faults.error(503, { endpoint: 'deleteApiKey', times: 1 })
  await page.getByRole('button', { name: /^Remove fault-1/ }).waitFor()
  await requestButton(page, 'GET /api/v1/api_keys/2, 404').click()
  await page.locator('.reason').waitFor()
  const tree = await page.locator('body').ariaSnapshot()
  for (const landmark of ['banner', 'main', 'region "Requests', 'region "Data', 'region "Faults'])
    expect(tree).toContain(landmark)
  expect(await unnamedControls(page)).toEqual([])
  for (const name of ['Requests', 'Data']) {
    const box = await page.getByRole('region', { name, exact: true }).boundingBox()
    expect(box, name).not.toBeNull()
    expect((box?.y ?? 900) + 100, name).toBeLessThan(800)
    expect((box?.x ?? 1300) + (box?.width ?? 0), name).toBeLessThanOrEqual(1280)
  }
  await screenshot(page, 'inspector-1280x800.png')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('region', { name: 'Requests', exact: true }).waitFor()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  await screenshot(page, 'inspector-390x844.png')
})
