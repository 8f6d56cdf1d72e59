import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Debian's `chromium` package; `.ci/run` installs it. Override with `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** Everything that would reach past the loopback interface is switched off. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
]

/**
 * Launches headless Chromium with a fresh temporary profile (playwright makes and removes it).
 * @param extraArgs More switches, e.g. `--host-resolver-rules=MAP devbox.test 127.0.0.1`.
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Failed to launch Chromium: ${CHROMIUM_PATH} does not exist. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    timeout: 60_000,
  })
}

/** Chromium's own log line for every 4xx response; the tests ask for 401s and 404s on purpose. */
const CLIENT_ERROR_LOG = /^Failed to load resource: the server responded with a status of 4\d\d\b/

/** Collects what a page reports as going wrong: uncaught errors and console errors and warnings. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    if (CLIENT_ERROR_LOG.test(message.text())) return
    problems.push(`console.${message.type()}: ${message.text()}`)
  })
  return problems
}
