import { defineConfig } from '@playwright/test'

const APP_PORT = 4174

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  // Two workers at once, each in a session of its own on the one server.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    // Debian's Chromium (or CHROMIUM_PATH): no browser is downloaded.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  // The app under test; it calls the demo server on another origin (CORS).
  webServer: {
    command: 'node app/serve.mjs',
    url: `http://127.0.0.1:${APP_PORT}`,
    env: { PORT: String(APP_PORT) },
    reuseExistingServer: !process.env.CI,
  },
})
