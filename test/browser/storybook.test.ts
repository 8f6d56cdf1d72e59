import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_API_KEY, ERROR_STATUS } from '../../src/index.js'
import { REPO_ROOT } from './support/build-page.js'
import { launchChromium, watchPageProblems } from './support/chromium.js'
import { startStaticServer, type StaticServer } from './support/static-server.js'

// Built by `npm run test:storybook` (npm ci + storybook build in examples/storybook).
const EXAMPLE_DIR = join(REPO_ROOT, 'examples/storybook')
const STATIC_DIR = join(EXAMPLE_DIR, 'storybook-static')
const STORY_PREFIX = 'api-keys-list--'

let server: StaticServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  if (!existsSync(join(STATIC_DIR, 'iframe.html'))) {
    throw new Error(
      'Failed to find the built Storybook: run `npm run test:storybook`, which builds examples/storybook first',
    )
  }
  server = await startStaticServer(STATIC_DIR)
  browser = await launchChromium()
  context = await browser.newContext()
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

interface ShownList {
  state: string | null
  status: string
  items: string[]
}

/** Waits for the story's component to finish loading and reads what it shows. */
async function readList(frame: Page | Frame): Promise<ShownList> {
  const list = frame.locator('.api-key-list:not([data-state="loading"])')
  await list.waitFor({ timeout: 30_000 })
  return {
    state: await list.getAttribute('data-state'),
    status: (await list.locator('p').textContent()) ?? '',
    items: await list.locator('li').allTextContents(),
  }
}

/** Opens one story on its own (Storybook's preview iframe) and reads the list it renders. */
async function renderStory(story: string): Promise<ShownList> {
  const page = await context.newPage()
  const problems = watchPageProblems(page)
  try {
    await page.goto(`${server.origin}/iframe.html?id=${STORY_PREFIX}${story}&viewMode=story`)
    const shown = await readList(page)
    expect(problems.filter((problem) => !/status of 5\d\d/.test(problem))).toEqual([])
    return shown
  } finally {
    await page.close()
  }
}

const label = (key: { name: string; key_type: string }): string => `${key.name} (${key.key_type})`

it('installs the library as a copy that shares the example’s single msw', () => {
  const installed = join(EXAMPLE_DIR, 'node_modules/voiceable-mock')
  expect(lstatSync(installed).isSymbolicLink()).toBe(false)
  const mswFrom = (dir: string): string =>
    createRequire(join(dir, 'package.json')).resolve('msw/package.json')
  const expected = join(EXAMPLE_DIR, 'node_modules/msw/package.json')
  expect(mswFrom(installed)).toBe(expected)
  expect(mswFrom(join(EXAMPLE_DIR, 'node_modules/msw-storybook-addon'))).toBe(expected)
  expect(mswFrom(EXAMPLE_DIR)).toBe(expected)
})

it('bundles one copy of msw’s browser worker into the built Storybook', () => {
  const worker = readFileSync(join(STATIC_DIR, 'mockServiceWorker.js'), 'utf8')
  const checksum = /const INTEGRITY_CHECKSUM = '([^']+)'/.exec(worker)?.[1]
  expect(checksum).toMatch(/^[0-9a-f]{32}$/)
  const assets = join(STATIC_DIR, 'assets')
  const copies = readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce(
      (count, file) =>
        count + readFileSync(join(assets, file), 'utf8').split(checksum ?? '').length - 1,
      0,
    )
  expect(copies).toBe(1)
})

it('renders the keys of the fake in the default story', async () => {
  const shown = await renderStory('default')
  expect(shown).toEqual({
    state: 'loaded',
    status: '1 API key',
    items: [label(DOCUMENTED_API_KEY)],
  })
})

it('renders per-story data from another scenario', async () => {
  const expected = createVoiceableMock({ scenario: 'multi-tenant' }).store.listApiKeys(1).map(label)
  expect(expected.length).toBeGreaterThan(1)
  const shown = await renderStory('multi-tenant')
  expect(shown).toEqual({ state: 'loaded', status: `${expected.length} API keys`, items: expected })
})

it('renders the empty state from the empty scenario', async () => {
  expect(await renderStory('empty')).toEqual({
    state: 'empty',
    status: 'No API keys yet.',
    items: [],
  })
})

it('renders an error state from one overridden record key', async () => {
  const shown = await renderStory('server-error')
  expect(shown.state).toBe('error')
  expect(shown.status).toContain(`500 ${ERROR_STATUS.internal_error.message}`)
})

it('renders an error state from an injected fault', async () => {
  const shown = await renderStory('unavailable')
  expect(shown.state).toBe('error')
  expect(shown.status).toContain(`503 ${ERROR_STATUS.service_unavailable.message}`)
})

it('restores the shared fake and its handlers when the manager switches stories', async () => {
  const page = await context.newPage()
  const problems = watchPageProblems(page)
  try {
    await page.goto(`${server.origin}/?path=/story/${STORY_PREFIX}unavailable`)
    const preview = page.frameLocator('#storybook-preview-iframe')
    await preview.locator('.api-key-list[data-state="error"]').waitFor({ timeout: 30_000 })
    for (const story of ['server-error', 'default']) {
      await page.locator(`#${STORY_PREFIX}${story}`).click()
      await preview
        .locator(`.api-key-list[data-state="${story === 'default' ? 'loaded' : 'error'}"]`)
        .waitFor({ timeout: 30_000 })
    }
    expect(await preview.locator('.api-key-list li').allTextContents()).toEqual([
      label(DOCUMENTED_API_KEY),
    ])
    expect(problems.filter((problem) => !/status of 5\d\d/.test(problem))).toEqual([])
  } finally {
    await page.close()
  }
})
