/** Small helpers the action tests drive the app with, each returning what went wrong, if anything. */
import type { Locator, Page } from 'playwright-core'
import { describeCall, isSuccess, type ApiCall } from './report.js'
import type { Session } from './session.js'

const CONFIRM_WAIT_MS = 15_000

/**
 * Does something and waits for the app's success toast. Otherwise says why not: first the call
 * behind it that failed (or that it was never made), then the messages the app showed.
 */
export async function confirmed(
  session: Session,
  act: () => Promise<unknown>,
  successText: string,
  call?: { method: string; path: RegExp },
): Promise<string | undefined> {
  const toastsBefore = session.toasts().length
  const callsBefore = session.calls().length
  await act()
  const shown = (): string[] => session.toasts().slice(toastsBefore)
  const made = (): ApiCall | undefined =>
    call === undefined
      ? undefined
      : session
          .calls()
          .slice(callsBefore)
          .filter((c) => c.method === call.method && call.path.test(c.path.split('?')[0]!))
          .at(-1)
  const deadline = Date.now() + CONFIRM_WAIT_MS
  while (Date.now() < deadline) {
    if (shown().some((text) => text.includes(successText))) return undefined
    const answer = made()
    if (answer !== undefined && answer.status !== 0 && !isSuccess(answer.status)) break
    await session.page.waitForTimeout(250)
  }
  await session.page.waitForTimeout(500)
  if (shown().some((text) => text.includes(successText))) return undefined
  const answer = made()
  return [
    `no "${successText}"`,
    answer
      ? describeCall(answer)
      : call
        ? `no ${call.method} call matching ${call.path.source}`
        : '',
    shown().length ? `the app showed: ${shown().join(' / ')}` : '',
  ]
    .filter(Boolean)
    .join('; ')
}

/** The latest call with this method whose path (without query) matches. */
export function lastCall(session: Session, method: string, path: RegExp): ApiCall | undefined {
  return session
    .calls()
    .filter((call) => call.method === method && path.test(call.path.split('?')[0]!))
    .at(-1)
}

/** Says which call answered what, or that it was never made. */
export function answered(session: Session, method: string, path: RegExp): string | undefined {
  const call = lastCall(session, method, path)
  if (call === undefined) return `the app made no ${method} call matching ${path.source}`
  return isSuccess(call.status) ? undefined : describeCall(call)
}

/** Waits until the control is enabled (true), or gives up (false). */
export async function whenEnabled(control: Locator, timeout = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeout
  await control.waitFor({ state: 'visible', timeout })
  while (!(await control.isEnabled())) {
    if (Date.now() > deadline) return false
    await control.page().waitForTimeout(200)
  }
  return true
}

/** Clicks once the control is enabled, or says it stayed disabled. */
export async function clickWhenEnabled(
  control: Locator,
  what: string,
  timeout = 10_000,
): Promise<string | undefined> {
  if (!(await whenEnabled(control, timeout))) return `${what} stays disabled`
  await control.click()
  return undefined
}

/** Opens a Radix select and picks the option whose text contains `text`. */
export async function choose(page: Page, trigger: Locator, text: string): Promise<void> {
  await trigger.click()
  await page.getByRole('option').filter({ hasText: text }).first().click()
}
