/**
 * One signed-in browser context on the web app, watched: every call it makes to the fake with
 * its answer, page errors, console errors, and requests for other hosts (refused at once).
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core'
import { API_PREFIX, appJournal, FAKE_ORIGINS } from './fake.js'
import { watchMedia, watchToasts } from './page-scripts.js'
import { failingCalls, isSuccess, type ApiCall, type TestRecord } from './report.js'

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

/** No call to the fake for this long, none in flight: the screen has loaded what it asks for. */
const QUIET_MS = 1_000
const SETTLE_MAX_MS = 20_000
const VIEWPORT = { width: 1440, height: 900 }
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Chromium's line for a failed load; each one is already in `calls` or `blocked`. */
const LOAD_FAILURE = /^Failed to load resource: /
/** Console errors that mean the page broke, as opposed to the app logging a failed call. */
const CRASH =
  /Minified React error|Uncaught|The above error occurred|\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|is not a function|is not defined|Cannot read properties|Hydration/i
const NEXT_ERROR_PAGE = 'Application error: a client-side exception has occurred'

export interface SessionOptions {
  appOrigin: string
  storageState: StorageState
  /** Marks the assistant page's product tour as seen, so it does not cover the screen. */
  skipTour: boolean
  /** Records what media elements do (the conversation audio player). */
  watchMedia?: boolean
}

/**
 * A non-2xx answer the app relies on at some point of a flow (e.g. 404 for "not connected yet").
 * Never a `route_not_found`: that one says the fake lacks the route.
 */
export interface ExpectedAnswer {
  method: string
  path: RegExp
  status: number
  reason: string
}

function markExpected(call: ApiCall, expected: readonly ExpectedAnswer[]): void {
  if (isSuccess(call.status) || call.error === 'route_not_found') return
  const match = expected.find(
    (answer) =>
      answer.method === call.method &&
      answer.status === call.status &&
      answer.path.test(call.path.split('?')[0]!),
  )
  if (match !== undefined) call.expected = match.reason
}

/** Where the findings since `mark()` start. */
export interface Mark {
  calls: number
  pageErrors: number
  consoleErrors: number
  toasts: number
  blocked: number
}

export interface Session {
  readonly page: Page
  goto(path: string): Promise<void>
  /** Waits until no call to the fake is in flight and none started for a second. */
  settle(): Promise<void>
  mark(): Mark
  /** The calls so far (answered ones with their status). */
  calls(): readonly ApiCall[]
  /** The toasts shown so far, across navigations. */
  toasts(): readonly string[]
  screenshot(file: string): Promise<void>
  /** Builds the record of everything since `from`, naming each call from the fake's journal. */
  record(
    fields: Pick<TestRecord, 'kind' | 'order' | 'title' | 'url' | 'checks' | 'screenshot'>,
    from: Mark,
    startedAt: number,
    expected?: readonly ExpectedAnswer[],
  ): Promise<TestRecord>
  close(): Promise<void>
}

const isFakeUrl = (url: string): boolean =>
  FAKE_ORIGINS.some((origin) => url.startsWith(`${origin}/`))

function apiPath(url: string): string {
  const { pathname, search } = new URL(url)
  const path = pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length) : pathname
  return `${path}${search}`
}

export async function openSession(browser: Browser, options: SessionOptions): Promise<Session> {
  const blocked: string[] = []
  const context = await newLoopbackContext(browser, { storageState: options.storageState }, blocked)
  const calls: Array<{ request: Request; call: ApiCall; settled: boolean }> = []
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  const toasts: string[] = []
  const work = new Set<Promise<void>>()
  let lastActivity = Date.now()

  if (options.skipTour)
    await context.addInitScript(() => {
      try {
        localStorage.setItem('assistant_detail_tour_completed', 'true')
      } catch {
        // about:blank and other opaque origins have no storage
      }
    })
  if (options.watchMedia === true) await context.addInitScript(watchMedia)
  // Toasts close after 3 s: each is recorded when it appears, whatever the test is doing then.
  await context.exposeBinding('__reportToast', (_source, text: string) => void toasts.push(text))
  await context.addInitScript(watchToasts)

  context.on('request', (request) => {
    if (!isFakeUrl(request.url())) return
    lastActivity = Date.now()
    calls.push({
      request,
      call: { method: request.method(), path: apiPath(request.url()), status: 0, error: 'pending' },
      settled: false,
    })
  })
  const entryOf = (request: Request): (typeof calls)[number] | undefined =>
    calls.find((candidate) => candidate.request === request)
  /** Runs `update` on a call's entry, then marks the call answered. */
  const track = (request: Request, update: (call: ApiCall) => Promise<void>): void => {
    const entry = entryOf(request)
    if (entry === undefined) return
    const done = update(entry.call)
      .catch(() => undefined)
      .then(() => {
        entry.settled = true
        lastActivity = Date.now()
        work.delete(done)
      })
    work.add(done)
  }
  // The status as soon as the answer's head arrives: a body the page never reads can make the
  // request end as "aborted" although the fake answered it.
  context.on('response', (response) => {
    if (!isFakeUrl(response.url())) return
    const entry = entryOf(response.request())
    if (entry === undefined) return
    entry.call.status = response.status()
    delete entry.call.error
  })
  context.on('requestfinished', (request) =>
    track(request, async (call) => {
      const response = await request.response()
      if (response === null || isSuccess(response.status())) return
      const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined
      if (typeof body?.error === 'string') call.error = body.error
    }),
  )
  context.on('requestfailed', (request) =>
    track(request, (call) => {
      if (call.status === 0) call.error = request.failure()?.errorText ?? 'failed'
      return Promise.resolve()
    }),
  )
  context.on('response', (response) => {
    const url = response.url()
    if (url.startsWith(`${options.appOrigin}/`) && response.status() >= 500)
      pageErrors.push(`the app's server answered ${response.status()} for ${new URL(url).pathname}`)
  })
  const watchPage = (page: Page): void => {
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message.split('\n')[0]}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      const text = message.text().split('\n')[0]!.slice(0, 300)
      if (LOAD_FAILURE.test(text)) return
      ;(CRASH.test(text) ? pageErrors : consoleErrors).push(`console.error: ${text}`)
    })
  }
  context.on('page', watchPage)
  const page = await context.newPage()

  return {
    page,
    goto: async (path) => {
      await page.goto(`${options.appOrigin}${path}`, { waitUntil: 'load', timeout: 30_000 })
    },
    settle: async () => {
      // At least QUIET_MS from now: a page that just loaded may not have started its calls yet.
      lastActivity = Math.max(lastActivity, Date.now())
      const deadline = Date.now() + SETTLE_MAX_MS
      while (Date.now() < deadline) {
        // Answered but with its body unread counts as done: the page may never read it.
        const inFlight = calls.some((entry) => !entry.settled && entry.call.status === 0)
        if (!inFlight && Date.now() - lastActivity >= QUIET_MS) return
        await page.waitForTimeout(100)
      }
    },
    mark: () => ({
      calls: calls.length,
      pageErrors: pageErrors.length,
      consoleErrors: consoleErrors.length,
      toasts: toasts.length,
      blocked: blocked.length,
    }),
    calls: () => calls.map((entry) => entry.call),
    toasts: () => [...toasts],
    screenshot: async (file) => {
      await page.screenshot({ path: file, timeout: 15_000 }).catch(() => undefined)
    },
    record: async (fields, from, startedAt, expected = []) => {
      await Promise.all([...work])
      if (
        (await page
          .getByText(NEXT_ERROR_PAGE)
          .count()
          .catch(() => 0)) > 0
      )
        pageErrors.push(`the page shows Next.js's "${NEXT_ERROR_PAGE}"`)
      const own = calls.slice(from.calls).map((entry) => ({ ...entry.call }))
      await nameCalls(own)
      for (const call of own) markExpected(call, expected)
      const record: TestRecord = {
        ...fields,
        passed: false,
        calls: own,
        pageErrors: pageErrors.slice(from.pageErrors),
        consoleErrors: consoleErrors.slice(from.consoleErrors),
        toasts: toasts.slice(from.toasts),
        blocked: blocked.slice(from.blocked),
        durationMs: Date.now() - startedAt,
      }
      record.passed =
        record.pageErrors.length === 0 &&
        failingCalls(record).length === 0 &&
        record.checks.every((check) => check.ok)
      return record
    },
    close: () => context.close(),
  }
}

/**
 * A context at the suite's viewport where requests for any other host fail at once, as on a
 * machine with no network; each refused address goes into `blocked`.
 */
export async function newLoopbackContext(
  browser: Browser,
  options: { storageState?: StorageState },
  blocked: string[],
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, viewport: VIEWPORT })
  await context.route(
    (url) => /^(https?|wss?):$/.test(url.protocol) && !LOOPBACK_HOSTS.has(url.hostname),
    async (route) => {
      const url = new URL(route.request().url())
      blocked.push(`${url.host}${url.pathname}`)
      await route.abort('blockedbyclient')
    },
  )
  return context
}

/** Gives each call the fake's endpoint name, matching its journal in order. */
async function nameCalls(calls: ApiCall[]): Promise<void> {
  const journal = await appJournal().catch(() => [])
  const used = new Set<number>()
  for (const call of calls) {
    const path = `${API_PREFIX}${call.path.split('?')[0]}`
    const index = journal.findIndex(
      (entry, i) =>
        !used.has(i) &&
        entry.method === call.method &&
        entry.path === path &&
        entry.status === call.status,
    )
    if (index === -1) continue
    used.add(index)
    call.endpoint = journal[index]!.endpoint
  }
}
