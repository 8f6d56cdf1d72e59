/**
 * Runs the BUILT command-line server (dist/cli.js) as a child process, as a user would.
 * `VOICEABLE_MOCK_CLI` and `VOICEABLE_MOCK_NODE` point the suite at another build and Node
 * binary (e.g. an installed tarball next to msw 3 under Node 22).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const CLI_PATH =
  process.env['VOICEABLE_MOCK_CLI'] ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
export const NODE_PATH = process.env['VOICEABLE_MOCK_NODE'] ?? process.execPath
/** dist/node.js beside the CLI under test. */
export const NODE_ENTRY_PATH = CLI_PATH.replace(/cli\.js$/, 'node.js')
/** dist/index.js beside the CLI under test. */
export const ROOT_ENTRY_PATH = CLI_PATH.replace(/cli\.js$/, 'index.js')

/** Longest wait for a child process to print or exit, so a hung process fails the test instead of the run. */
const WAIT_MS = 15_000

export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunningCli {
  /** The origin from the first line, e.g. `http://127.0.0.1:51234`. */
  url: string
  /** `url` + `/api/v1`. */
  baseUrl: string
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves when stdout contains `text` (bounded by `WAIT_MS`). */
  waitForOutput(text: string | RegExp): Promise<string>
  /** Sends `signal` (default SIGTERM) and resolves with the exit. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>
}

const running = new Set<ChildProcess>()

/** Kills every child still running (for `afterAll`), by its own pid only. */
export function killAllClis(): void {
  for (const child of running)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  running.clear()
}

interface Started {
  child: ChildProcess
  out: { stdout: string; stderr: string }
  /** Settles on 'close': the process exited and its output is complete. */
  closed: Promise<CliResult>
}

/** Resolves with the exit, or kills the process and rejects after `WAIT_MS`. */
function waitForExit({ child, out, closed }: Started): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(
          `voiceable-mock did not exit within ${WAIT_MS} ms; stdout: ${out.stdout} stderr: ${out.stderr}`,
        ),
      )
    }, WAIT_MS)
  })
  return Promise.race([closed, timeout]).finally(() => clearTimeout(timer))
}

function start(args: readonly string[]): Started {
  const child = spawn(NODE_PATH, [CLI_PATH, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  running.add(child)
  const out = { stdout: '', stderr: '' }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out.stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out.stderr += chunk))
  const closed = new Promise<CliResult>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child)
      resolve({ code, signal, ...out })
    })
  })
  return { child, out, closed }
}

/** Runs the CLI to completion (for flags that exit: --help, errors). */
export function runCli(args: readonly string[]): Promise<CliResult> {
  return waitForExit(start(args))
}

function waitFor({ child, out }: Started, text: string | RegExp): Promise<string> {
  const found = (): boolean =>
    typeof text === 'string' ? out.stdout.includes(text) : text.test(out.stdout)
  return new Promise((resolve, reject) => {
    if (found()) {
      resolve(out.stdout)
      return
    }
    const onData = (): void => {
      if (!found()) return
      cleanup()
      resolve(out.stdout)
    }
    const onExit = (): void => {
      cleanup()
      reject(
        new Error(
          `voiceable-mock exited before printing ${String(text)}; stdout: ${out.stdout} stderr: ${out.stderr}`,
        ),
      )
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(
        new Error(
          `voiceable-mock did not print ${String(text)} within ${WAIT_MS} ms; stdout: ${out.stdout} stderr: ${out.stderr}`,
        ),
      )
    }, WAIT_MS)
    const cleanup = (): void => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
    }
    // Listeners run after the accumulating listener added in `start`, so `out.stdout` is current.
    child.stdout?.on('data', onData)
    child.once('exit', onExit)
  })
}

/**
 * Starts the CLI and resolves once it is listening: on port 0 unless `args` names a port or
 * `defaultPort` is set (then on the CLI's own default, 3000).
 */
export async function startCli(
  args: readonly string[] = [],
  { defaultPort = false } = {},
): Promise<RunningCli> {
  const withPort =
    defaultPort || args.includes('--port') || args.includes('-p') ? args : ['--port', '0', ...args]
  const started = start(withPort)
  const { child, out } = started
  const stdout = await waitFor(started, /listening on (http:\/\/\S+)\n/)
  const url = /listening on (http:\/\/\S+)\n/.exec(stdout)?.[1] as string
  return {
    url,
    baseUrl: `${url}/api/v1`,
    child,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    waitForOutput: (text) => waitFor(started, text),
    stop: (signal = 'SIGTERM') => {
      const exit = waitForExit(started)
      child.kill(signal)
      return exit
    },
  }
}
