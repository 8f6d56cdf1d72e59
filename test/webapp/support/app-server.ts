/**
 * Runs the web app's production server (`next start`, from the clone's own node_modules) on
 * loopback, with the preload that refuses every connection off this machine at once.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ClientDir } from './client-dir.js'

/** Passed as NODE_OPTIONS=--import: the app's server fetches its blog from the production API. */
const LOOPBACK_ONLY = fileURLToPath(new URL('./loopback-only.mjs', import.meta.url))

const READY_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

export interface AppServer {
  /** `http://localhost:<port>`: the app picks its API base from the page's host name. */
  readonly origin: string
  stop(): Promise<void>
}

export async function startAppServer(
  client: ClientDir,
  port: number,
  logFile: string,
): Promise<AppServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: `--import ${pathToFileURL(LOOPBACK_ONLY).href}`,
    NEXT_TELEMETRY_DISABLED: '1',
  }
  // With no API base configured, the app on localhost calls http://localhost:3000/voiceable-api.
  for (const name of ['NEXT_PUBLIC_API_BASE_URL', 'VITE_API_BASE_URL']) delete env[name]
  const child = spawn(
    process.execPath,
    [client.nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    { cwd: client.dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const log = createWriteStream(logFile)
  let output = ''
  const record = (chunk: Buffer): void => {
    output += chunk.toString()
    log.write(chunk)
  }
  child.stdout.on('data', record)
  child.stderr.on('data', record)
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited with ${code ?? signal}`)),
  )
  const origin = `http://localhost:${port}`
  const failure = await Promise.race([waitUntilServing(`${origin}/login`), exited])
  if (failure !== undefined) {
    await stop(child)
    log.end()
    throw new Error(
      `Failed to start the web app (next start --port ${port}): ${failure}\n${output}`,
    )
  }
  return {
    origin,
    stop: async () => {
      await stop(child)
      log.end()
    },
  }
}

/** Resolves with undefined once `url` answers 200, or with the reason it never did. */
async function waitUntilServing(url: string): Promise<string | undefined> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status === 200) return undefined
      last = `GET ${url} answered ${response.status}`
    } catch (error) {
      last = `GET ${url} failed: ${(error as Error).message}`
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return `not serving after ${READY_TIMEOUT_MS / 1000} s (${last})`
}

/** SIGTERM, then SIGKILL if it lingers; only the child this module started. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
