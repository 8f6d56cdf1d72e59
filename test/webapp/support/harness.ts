/**
 * What every web-app test shares: one Chromium per file signed in once through the login page,
 * a fresh context per test on a freshly reset fake, and a record written whether it passes or not.
 */
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, inject } from 'vitest'
import { launchChromium } from '../../browser/support/chromium.js'
import { control } from './fake.js'
import { describeCall, failingCalls, writeRecord, type Check, type TestRecord } from './report.js'
import { openSession, type ExpectedAnswer, type Session, type StorageState } from './session.js'
import { signIn } from './sign-in.js'

export interface TestMeta {
  kind: TestRecord['kind']
  order: number
  title: string
  /** File name of the screenshot and record. */
  slug: string
  /** The first address the test opens. */
  url: string
  /** Leave the product tour to appear (only the tour's own test does). */
  showTour?: boolean
  watchMedia?: boolean
  /** Non-2xx answers this flow expects (none for screens). */
  expected?: readonly ExpectedAnswer[]
}

export interface TestContext {
  session: Session
  /** The checks (screens) or steps (actions) so far. */
  checks: Check[]
  /** From now on, count calls and errors for this test (the earlier ones belong to another). */
  startCounting: () => void
}

/** Thrown by `step` after recording its failure, so the test stops there. */
class StepFailed extends Error {}

let browser: Browser | undefined
let storageState: StorageState | undefined

/** Registers the file's hooks: Chromium, and the sign-in every test's context starts from. */
export function useWebApp(): void {
  beforeAll(async () => {
    browser = await launchChromium()
    storageState = await signIn(browser, inject('appOrigin'))
  })
  afterAll(async () => {
    await browser?.close()
  })
}

/** Runs one test body in a fresh context after a reset, then writes and asserts its record. */
export async function recorded(
  meta: TestMeta,
  body: (context: TestContext) => Promise<void>,
): Promise<void> {
  if (browser === undefined || storageState === undefined)
    throw new Error('Failed to run: useWebApp() did not start Chromium and sign in')
  const startedAt = Date.now()
  await control.reset()
  const session = await openSession(browser, {
    appOrigin: inject('appOrigin'),
    storageState,
    skipTour: meta.showTour !== true,
    watchMedia: meta.watchMedia === true,
  })
  const checks: Check[] = []
  let from = session.mark()
  try {
    await body({ session, checks, startCounting: () => (from = session.mark()) })
  } catch (error) {
    if (!(error instanceof StepFailed))
      checks.push({ description: 'the test ran to its end', ok: false, detail: messageOf(error) })
  }
  await session.settle()
  const screenshot = `${meta.slug}.png`
  await session.screenshot(join(inject('reportDir'), 'screenshots', screenshot))
  const record = await session.record(
    { kind: meta.kind, order: meta.order, title: meta.title, url: meta.url, checks, screenshot },
    from,
    startedAt,
    meta.expected,
  )
  await session.close()
  reportAndAssert(inject('resultsDir'), meta.slug, record)
}

/** One step of an action: recorded as done, or as failed with the reason, which stops the test. */
export async function step(
  context: TestContext,
  description: string,
  run: () => Promise<string | undefined | void>,
): Promise<void> {
  let detail: string | undefined
  try {
    detail = (await run()) ?? undefined
  } catch (error) {
    detail = messageOf(error)
  }
  if (detail === undefined) {
    context.checks.push({ description, ok: true })
    return
  }
  context.checks.push({ description, ok: false, detail })
  throw new StepFailed(description)
}

/** Writes the record for the summary, then asserts it, every problem at once. */
function reportAndAssert(resultsDir: string, slug: string, record: TestRecord): void {
  writeRecord(resultsDir, slug, record)
  expect.soft(record.pageErrors, 'page errors').toEqual([])
  expect
    .soft(
      failingCalls(record).map((call) => describeCall(call)),
      'calls to the fake not answered 2xx',
    )
    .toEqual([])
  for (const check of record.checks)
    expect
      .soft(check.ok, `${check.description}${check.detail ? `: ${check.detail}` : ''}`)
      .toBe(true)
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  // Playwright appends a call log; its first line says what failed.
  return message.split('\n')[0]!.replace(/\s+/g, ' ').slice(0, 300)
}
