import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createVoiceableMock, ERROR_STATUS } from '../../src/index.js'
import {
  DOCUMENTED_API_KEY,
  MANY_KEYS_COUNT,
  MULTI_TENANT_KEYS_PER_USER,
} from '../support/documented.js'
import { REPO_ROOT } from './support/build-page.js'
import { launchChromium, watchPageProblems } from './support/chromium.js'
import { startStaticServer, type StaticServer } from './support/static-server.js'

// Built by `npm run test:storybook` (npm ci + storybook build in examples/storybook), or with
// msw 3 swapped in by `npm run test:storybook:msw3`, which sets STORYBOOK_MSW_MAJOR=3.
const EXAMPLE_DIR = join(REPO_ROOT, 'examples/storybook')
const STATIC_DIR = join(EXAMPLE_DIR, 'storybook-static')
const STORY_PREFIX = 'api-keys--'
const EXPECTED_MSW_MAJOR = process.env['STORYBOOK_MSW_MAJOR']

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
  // Storybook's preview announces on its channel the end of every story (`storyFinished`) and a
  // play function that threw (`playFunctionThrewException`, which a static build only logs and
  // reports as finished with `success`): record both from the moment the channel exists.
  await context.addInitScript(() => {
    const scope = globalThis as unknown as Record<string, unknown>
    const events: { event: string; payload: unknown }[] = []
    let channel: { on(event: string, listener: (payload: unknown) => void): void } | undefined
    scope['__storybookEvents'] = events
    Object.defineProperty(scope, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(next: typeof channel) {
        if (next === channel) return
        channel = next
        for (const event of [
          'storyFinished',
          'playFunctionThrewException',
          'unhandledErrorsWhilePlaying',
        ]) {
          next?.on(event, (payload) => events.push({ event, payload }))
        }
      },
    })
  })
})

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.close()
})

interface Shown {
  state: string | null
  status: string
  items: string[]
  secret: string | null
}

/** Waits for the component to leave its loading state and reads what it shows. */
async function readComponent(frame: Page | Frame): Promise<Shown> {
  const root = frame.locator('.api-keys:not([data-state="loading"])')
  await root.waitFor({ timeout: 30_000 })
  return {
    state: await root.getAttribute('data-state'),
    status: ((await root.locator('[role="status"], [role="alert"]').allTextContents()) ?? []).join(
      ' | ',
    ),
    items: await root.locator('li > span').allTextContents(),
    secret:
      (await root.locator('.new-secret code').count()) === 0
        ? null
        : await root.locator('.new-secret code').textContent(),
  }
}

/**
 * How the story ended: `success`, or `error` when it threw, or its play function threw or left an
 * unhandled error, with what was reported.
 */
async function storyOutcome(
  page: Page,
  storyId: string,
): Promise<{ status: string; errors: unknown[] }> {
  type Recorded = { event: string; payload: { storyId?: string; status?: string } }[]
  await page.waitForFunction(
    (id) =>
      ((globalThis as unknown as Record<string, Recorded>)['__storybookEvents'] ?? []).some(
        ({ event, payload }) => event === 'storyFinished' && payload.storyId === id,
      ),
    storyId,
    { timeout: 30_000 },
  )
  const events = await page.evaluate(
    () => (globalThis as unknown as Record<string, Recorded>)['__storybookEvents'] ?? [],
  )
  const errors = events
    .filter(({ event }) => event !== 'storyFinished')
    .map(({ payload }) => payload)
  const finished = events.find(
    ({ event, payload }) => event === 'storyFinished' && payload.storyId === storyId,
  )
  return { status: errors.length > 0 ? 'error' : (finished?.payload.status ?? 'missing'), errors }
}

/** Opens one story in Storybook's preview iframe, waits for it to finish, and reads the component. */
async function openStory(
  story: string,
  options: { allow?: RegExp } = {},
): Promise<Shown & { page: Page; problems: string[] }> {
  const page = await context.newPage()
  const problems = watchPageProblems(page)
  await page.goto(`${server.origin}/iframe.html?id=${STORY_PREFIX}${story}&viewMode=story`)
  expect(await storyOutcome(page, `${STORY_PREFIX}${story}`)).toEqual({
    status: 'success',
    errors: [],
  })
  const shown = await readComponent(page)
  expect(
    problems.filter((problem) => options.allow === undefined || !options.allow.test(problem)),
  ).toEqual([])
  return { ...shown, page, problems }
}

/** Storybook 10's own manager UI warns about its own component; nothing in the example causes it. */
const STORYBOOK_MANAGER_NOTICE =
  /^console\.warning: The 'ariaLabel' prop on 'PopoverProvider' will become mandatory in Storybook 11/

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

it('bundles the example’s msw once, with the worker script of the same version', () => {
  const installed = (
    JSON.parse(readFileSync(join(EXAMPLE_DIR, 'node_modules/msw/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  if (EXPECTED_MSW_MAJOR !== undefined) expect(installed.split('.')[0]).toBe(EXPECTED_MSW_MAJOR)
  const worker = readFileSync(join(STATIC_DIR, 'mockServiceWorker.js'), 'utf8')
  expect(/const PACKAGE_VERSION = '([^']+)'/.exec(worker)?.[1]).toBe(installed)
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

it('shows the documented key in the default story, and deletes it', async () => {
  const { page, problems, ...shown } = await openStory('default')
  expect(shown).toEqual({
    state: 'loaded',
    status: '1 API key',
    items: [label(DOCUMENTED_API_KEY)],
    secret: null,
  })
  await page.getByRole('button', { name: `Delete ${DOCUMENTED_API_KEY.name}` }).click()
  await page.locator('.api-keys[data-state="empty"]').waitFor({ timeout: 30_000 })
  expect(await readComponent(page)).toEqual({
    state: 'empty',
    status: 'No API keys yet.',
    items: [],
    secret: null,
  })
  expect(problems).toEqual([])
  await page.close()
})

it('shows the keys of the scenario a story chose', async () => {
  const expected = createVoiceableMock({ scenario: 'multi-tenant' }).store.listApiKeys(1).map(label)
  expect(expected.length).toBeGreaterThan(1)
  const { page, problems: _checked, ...shown } = await openStory('multi-tenant')
  expect(shown).toEqual({
    state: 'loaded',
    status: `${expected.length} API keys`,
    items: expected,
    secret: null,
  })
  await page.close()
})

it('shows the list from the endpoint a story overrode with another fake’s handlers', async () => {
  const expected = createVoiceableMock({ scenario: 'many-keys' }).store.listApiKeys(1).map(label)
  expect(expected).toHaveLength(MANY_KEYS_COUNT)
  const { page, problems: _checked, ...shown } = await openStory('many-keys')
  expect(shown).toEqual({
    state: 'loaded',
    status: `${MANY_KEYS_COUNT} API keys`,
    items: expected,
    secret: null,
  })
  await page.close()
})

it('shows the error state from an injected fault', async () => {
  const {
    page,
    problems: _checked,
    ...shown
  } = await openStory('unavailable', { allow: /status of 503/ })
  expect(shown).toEqual({
    state: 'error',
    status: `Could not load API keys: 503 ${ERROR_STATUS.service_unavailable.message}: Down for maintenance`,
    items: [],
    secret: null,
  })
  await page.close()
})

it('runs the play function: it creates a key and its journal assertions pass', async () => {
  const { page, problems: _checked, ...shown } = await openStory('create-key')
  // The play function typed this name; the story finished with `success`, so its `expect`s on
  // the request journal held.
  expect(shown.items).toEqual([label(DOCUMENTED_API_KEY), 'CI deploy key (public)'])
  expect(shown.status).toBe('2 API keys')
  expect(shown.secret).toMatch(/^pk_live_\w+$/)
  await page.close()
})

it('lets a request outside the fake through without a warning, on msw 2 and 3', async () => {
  const { page, problems } = await openStory('default')
  // A path outside the fake's base URL, and not a static asset (msw never warns about those): no
  // handler matches, so the worker passes it on and the static server answers 404. msw 2 reads
  // `onUnhandledRequest` and msw 3 `onUnhandledFrame`; with only the first, msw 3 warns here.
  const path = '/other-service/status'
  const reached = (): number => server.requests.filter((requested) => requested === path).length
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  expect(await page.evaluate(async (url) => (await fetch(url)).status, path)).toBe(404)
  expect(reached()).toBe(1)
  expect(problems).toEqual([])
  await page.close()
})

it('restores the shared fake and the handlers when the manager switches stories', async () => {
  const page = await context.newPage()
  const problems = watchPageProblems(page)
  await page.goto(`${server.origin}/?path=/story/${STORY_PREFIX}unavailable`)
  const preview = page.frameLocator('#storybook-preview-iframe')
  await preview.locator('.api-keys[data-state="error"]').waitFor({ timeout: 30_000 })
  const visit = async (story: string, status: string): Promise<void> => {
    await page.locator(`#${STORY_PREFIX}${story}`).click()
    await expect
      .poll(
        () =>
          preview.locator('.api-keys:not([data-state="loading"]) [role="status"]').textContent(),
        { timeout: 30_000 },
      )
      .toBe(status)
  }
  await visit('many-keys', `${MANY_KEYS_COUNT} API keys`)
  await visit('multi-tenant', `${MULTI_TENANT_KEYS_PER_USER} API keys`)
  await visit('default', '1 API key')
  expect(await preview.locator('.api-keys li > span').allTextContents()).toEqual([
    label(DOCUMENTED_API_KEY),
  ])
  expect(
    problems.filter(
      (problem) => !/status of 503/.test(problem) && !STORYBOOK_MANAGER_NOTICE.test(problem),
    ),
  ).toEqual([])
  await page.close()
})
