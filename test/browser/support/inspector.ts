import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { REPO_ROOT } from './build-page.js'
import { watchPageProblems } from './chromium.js'

/** Where the suite leaves its screenshots (git ignores it); docs/inspector.png is one of them. */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results/inspector')

export const DOCUMENTED_KEY = { 'X-API-Key': 'your-api-key-here' }

/**
 * Runs the real `curl` (Debian's, as a developer would) and resolves with the status it printed:
 * `'000'` when the connection was reset (an injected network error).
 */
export function curl(
  method: string,
  url: string,
  headers: Record<string, string> = DOCUMENTED_KEY,
  body?: string,
): Promise<string> {
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-X', method, url]
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`)
  if (body !== undefined) args.push('-H', 'Content-Type: application/json', '--data', body)
  return new Promise((resolve) => {
    execFile('curl', args, { timeout: 10_000 }, (_error, stdout) => resolve(stdout.trim()))
  })
}

export interface OpenedInspector {
  context: BrowserContext
  page: Page
  /** Uncaught errors, console errors and warnings of the page. */
  problems: string[]
}

/** Opens the inspector in a fresh context and waits until its event stream is live. */
export async function openInspector(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
): Promise<OpenedInspector> {
  const context = await browser.newContext({ viewport, acceptDownloads: true })
  const page = await context.newPage()
  const problems = watchPageProblems(page)
  await page.goto(url)
  await page.getByText('Live', { exact: true }).waitFor({ timeout: 10_000 })
  return { context, page, problems }
}

/** The Requests table's button of a request, by what its name says (`GET /api/v1/api_keys/2, 404`). */
export function requestButton(page: Page, text: string) {
  return page.getByRole('button', { name: new RegExp(`^Show request \\d+: ${escape(text)}$`) })
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** Saves a screenshot of the page under `SCREENSHOT_DIR` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, name)
  await page.screenshot({ path })
  return path
}

/** Buttons, selects and inputs that have no accessible name (their text, label or aria-label). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, select, input, textarea')]
      .filter((element) => {
        const labelled = (element as HTMLInputElement).labels?.length ?? 0
        const text = element.textContent?.trim() ?? ''
        const aria = element.getAttribute('aria-label') ?? ''
        return labelled === 0 && aria === '' && (element.tagName !== 'BUTTON' || text === '')
      })
      .map((element) => element.outerHTML.slice(0, 120)),
  )
}
