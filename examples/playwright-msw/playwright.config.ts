import { defineConfig } from '@playwright/test'

const APP_PORT = 4173

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    // Debian's Chromium (or CHROMIUM_PATH): no browser is downloaded.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  // The app under test, served as it is. Its API calls never leave the test process.
  webServer: {
    command: 'node app/serve.mjs',
    url: `http://127.0.0.1:${APP_PORT}`,
    env: { PORT: String(APP_PORT) },
    reuseExistingServer: !process.env.CI,
  },
})
