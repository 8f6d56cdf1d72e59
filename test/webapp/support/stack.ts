/**
 * vitest globalSetup for the web-app suite: the demo server on port 3000 (the app's local API
 * address, as `--reveal-key-values` serves it), the app's `next start` on 3001, and at the end the
 * Markdown summary of every test's record.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { startAppServer } from './app-server.js'
import { CLIENT_COMMIT, resolveClientDir } from './client-dir.js'
import { FAKE_PORT } from './fake.js'
import { readRecords, summaryMarkdown } from './report.js'

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** Git-ignored (test/webapp/.gitignore): screenshots, summary.md and the app server's log. */
export const REPORT_DIR = fileURLToPath(new URL('../report', import.meta.url))
const APP_PORT = 3001

declare module 'vitest' {
  export interface ProvidedContext {
    appOrigin: string
    resultsDir: string
    reportDir: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = new Date()
  const client = resolveClientDir()
  rmSync(REPORT_DIR, { recursive: true, force: true })
  mkdirSync(join(REPORT_DIR, 'screenshots'), { recursive: true })
  const resultsDir = mkdtempSync(join(tmpdir(), 'voiceable-webapp-results-'))

  // Imported here, after build-dist (the first globalSetup) has built dist/.
  const { startMockServer } = await import('voiceable-mock/node')
  const fake = await startMockServer({ port: FAKE_PORT, revealKeyValues: true }).catch(
    (error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new Error(
            `Port ${FAKE_PORT} is in use: the web app calls http://localhost:${FAKE_PORT}, so the fake needs it`,
          )
        : error
    },
  )
  let app
  try {
    app = await startAppServer(client, APP_PORT, join(REPORT_DIR, 'app-server.log'))
  } catch (error) {
    await fake.close()
    throw error
  }
  project.provide('appOrigin', app.origin)
  project.provide('resultsDir', resultsDir)
  project.provide('reportDir', REPORT_DIR)

  return async () => {
    await app.stop()
    await fake.close()
    const records = readRecords(resultsDir)
    rmSync(resultsDir, { recursive: true, force: true })
    if (records.length === 0) return
    const summary = summaryMarkdown(records, {
      client: `voiceabledev/voiceable-client ${CLIENT_COMMIT.slice(0, 7)} (build ${client.buildId})`,
      fake: describeFake(),
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    })
    writeFileSync(join(REPORT_DIR, 'summary.md'), `${summary}\n`)
  }
}

function describeFake(): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string
  }
  try {
    const git = execFileSync('git', ['describe', '--always', '--dirty'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim()
    return `voiceable-mock ${version} (${git})`
  } catch {
    return `voiceable-mock ${version}`
  }
}
