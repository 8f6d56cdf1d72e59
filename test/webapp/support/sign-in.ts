/** The sign-in every test's browser context starts from, done once per file. */
import type { Browser } from 'playwright-core'
import { USER } from './fake.js'
import { newLoopbackContext, type StorageState } from './session.js'

/** Signs in through the app's own login page; the returned state carries the app's token. */
export async function signIn(browser: Browser, appOrigin: string): Promise<StorageState> {
  const context = await newLoopbackContext(browser, {}, [])
  try {
    const page = await context.newPage()
    await page.goto(`${appOrigin}/login`)
    await page.fill('#email', USER.email)
    await page.fill('#password', USER.password)
    await page.click('button[type=submit]')
    const left = await page
      .waitForURL((url) => url.pathname !== '/login', { timeout: 20_000 })
      .then(() => true)
      .catch(() => false)
    if (!left) {
      const shown = (await page.innerText('body')).replace(/\s+/g, ' ').slice(0, 300)
      throw new Error(
        `Failed to sign in as ${USER.email} at ${appOrigin}/login; the page shows: ${shown}`,
      )
    }
    return await context.storageState()
  } finally {
    await context.close()
  }
}
