import type { BrowserContext, Page } from 'playwright-core'
import { PAGE_IDS } from './page-api.js'
import { watchPageProblems } from './chromium.js'

export interface OpenedPage {
  page: Page
  /** Uncaught errors and console errors or warnings the page reported. */
  problems: string[]
}

/** Opens the test page and waits until msw's worker is started and controls it. */
export async function openPage(context: BrowserContext, url: string): Promise<OpenedPage> {
  const page = await context.newPage()
  const problems = watchPageProblems(page)
  await page.goto(url)
  await page.locator(`#${PAGE_IDS.ready}`).waitFor({ state: 'visible', timeout: 30_000 })
  return { page, problems }
}

export interface ShownResponse {
  method: string | null
  path: string | null
  status: number
  body: unknown
}

/** The last response as the page shows it. */
export async function shownResponse(page: Page): Promise<ShownResponse> {
  const element = page.locator(`#${PAGE_IDS.lastResponse}`)
  return {
    method: await element.getAttribute('data-method'),
    path: await element.getAttribute('data-path'),
    status: Number(await element.getAttribute('data-status')),
    body: JSON.parse((await element.textContent()) ?? 'null') as unknown,
  }
}

/** The key list as the page shows it: `[id, name]` pairs in page order. */
export async function shownKeys(page: Page): Promise<[number, string][]> {
  return page
    .locator(`#${PAGE_IDS.keys} > li`)
    .evaluateAll((items) =>
      items.map((item): [number, string] => [
        Number(item.getAttribute('data-id')),
        item.textContent ?? '',
      ]),
    )
}

/** The one-time secret the page shows after a create, with the id of the key it belongs to. */
export async function shownCreatedKey(page: Page): Promise<{ id: number; keyValue: string }> {
  const element = page.locator(`#${PAGE_IDS.createdKey}`)
  return {
    id: Number(await element.getAttribute('data-id')),
    keyValue: (await element.textContent()) ?? '',
  }
}

/** Whether a service worker controls the page (msw's worker, once started). */
export function isControlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null)
}
