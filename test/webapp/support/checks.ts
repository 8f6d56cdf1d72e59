/**
 * "Shows data" checks: each looks for something the screen renders only from a loaded answer
 * (never from its defaults or its empty state) and, when it is missing, says what is shown instead.
 */
import type { Locator, Page } from 'playwright-core'
import type { Check } from './report.js'

/** How long a check waits for its data to appear after the screen settled. */
const WAIT_MS = 5_000

export interface DataCheck {
  description: string
  /** Resolves with undefined when the data is there, or with what was seen instead. */
  run(page: Page): Promise<string | undefined>
}

export async function runCheck(check: DataCheck, page: Page): Promise<Check> {
  const detail = await check.run(page).catch((error: Error) => `the check threw: ${error.message}`)
  return detail === undefined
    ? { description: check.description, ok: true }
    : { description: check.description, ok: false, detail }
}

export async function isVisible(locator: Locator, timeout = WAIT_MS): Promise<boolean> {
  return locator
    .first()
    .waitFor({ state: 'visible', timeout })
    .then(() => true)
    .catch(() => false)
}

/** Which of these empty-state or error texts the page shows, as the check's detail. */
async function shownInstead(
  page: Page,
  texts: readonly string[],
  fallback: string,
): Promise<string> {
  for (const text of texts)
    if ((await page.getByText(text, { exact: false }).count()) > 0) return `shows "${text}"`
  return fallback
}

/** At least one element of a loaded list, and none of the screen's empty or error states. */
export function listed(
  description: string,
  items: (page: Page) => Locator,
  emptyStates: readonly string[] = [],
): DataCheck {
  return {
    description,
    run: async (page) => {
      if (await isVisible(items(page))) return undefined
      return shownInstead(page, emptyStates, 'none shown')
    },
  }
}

/** Every one of these texts (read from the fake when the check runs) is on the screen. */
export function showsAll(
  description: string,
  expected: () => Promise<readonly string[] | string>,
  emptyStates: readonly string[] = [],
): DataCheck {
  return {
    description,
    run: async (page) => {
      const texts = await expected()
      if (typeof texts === 'string') return texts
      if (texts.length === 0) return 'the fake has none to show'
      const missing: string[] = []
      for (const text of texts)
        if (
          !(await isVisible(page.getByText(text, { exact: true }), missing.length ? 500 : WAIT_MS))
        )
          missing.push(text)
      if (missing.length === 0) return undefined
      return shownInstead(page, emptyStates, `missing: ${missing.map((t) => `"${t}"`).join(', ')}`)
    },
  }
}

/** The text of the page plus the values of its form fields, which innerText leaves out. */
export async function pageTextWithValues(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll('input, textarea')] as Array<
      HTMLInputElement | HTMLTextAreaElement
    >
    return [document.body.innerText, ...fields.map((field) => field.value)].join('\n')
  })
}
