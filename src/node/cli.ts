/**
 * The command line of `npx voiceable-mock` as a function, `run(argv, io)`: the Voiceable fake
 * over real HTTP on localhost, for demos and front-end development. `bin.ts` runs it on the
 * real process; tests run it in-process. Exit codes: 0 after a clean stop (SIGINT/SIGTERM),
 * 1 when it cannot start, 2 on a usage error.
 */
import { existsSync } from 'node:fs'
import { DEFAULT_SEED } from '../defaults.js'
import { isScenario, SCENARIOS, type Scenario } from '../store/scenario-names.js'
import { SnapshotError } from '../store/snapshot.js'
import { parseFlags, toInteger, UsageError } from './cli-args.js'
import { CONTROL_PATH } from './control.js'
import { INSPECTOR_PATH } from './inspector-files.js'
import { startMockServer, type MockServer, type StartMockServerOptions } from './mock-server.js'
import { readPackageVersion } from './package-version.js'
import { DataFileError, readDataFile } from './persistence.js'
import { DEFAULT_HOST } from './server-defaults.js'
import { MAX_SESSIONS, SESSION_HEADER } from './sessions.js'
import { runVerify } from './verify/cli.js'

/** The port of the documented development base URL, `http://localhost:3000/api/v1`. */
const DEFAULT_PORT = 3000

/** Users listed in the start-up banner; a big `--data` file shows the first ones only. */
const BANNER_MAX_USERS = 10

const HELP = `Usage: voiceable-mock [options]
       voiceable-mock verify --base-url <url> --api-key <key> [--write] [--json] [--report <file>]

Serves a fake of the Voiceable API (API keys, agents, sign-in) over HTTP, with built-in
data, for offline demos and front-end development. Answers under /api/v1 (as documented)
and /voiceable-api (the real backend's prefix), with CORS for a dev app on another origin.

Options:
  -p, --port <n>           Port to listen on (default 3000; 0 picks a free port)
      --host <host>        Interface to bind (default 127.0.0.1)
      --seed <n>           Seed of the generated data (default 1)
      --scenario <name>    Starting data: documented (default), empty, many-keys, multi-tenant
      --data <file.json>   Start from a saved store (a snapshot as mock.snapshot() writes it)
      --persist            Keep the store in the --data file: created if missing (from
                           --scenario), loaded if present (it wins over --scenario), and
                           rewritten after every change
      --delay <ms>         Wait this long before answering each request (default 0)
      --control-token <t>  Admit control requests (/__voiceable/) from any address that send
                           Authorization: Bearer <t>; without it, only this machine may use them
      --no-control         Turn the control API (/__voiceable/) off
      --reveal-key-values  Return key secrets in GET /api_keys and /api_keys/{id}, as the
                           Voiceable web app expects (the docs say null; see the README)
  -q, --quiet              No banner and no access log; print only the listening line
  -h, --help               Show this help and exit
  -v, --version            Show the version and exit

Commands:
  verify                   Check a real Voiceable backend against this fake and name every
                           difference (voiceable-mock verify --help)

Examples:
  voiceable-mock
  voiceable-mock --port 0 --scenario multi-tenant
  voiceable-mock --reveal-key-values      # for the Voiceable web app on another port
  curl -X GET "http://localhost:3000/api/v1/api_keys/1" -H "X-API-Key: your-api-key-here"
`

/** A failure to start: one line on stderr; exit code 1. */
class StartError extends Error {}

interface CliOptions {
  quiet: boolean
  dataFile: string | undefined
  /** With `--persist`: whether the data file was there at start (it wins over `--scenario`). */
  persisted: 'loaded' | 'created' | undefined
  server: StartMockServerOptions & { port: number; host: string }
}

/** Parses argv; `help`/`version` short-circuit. Throws `UsageError` or `StartError`. */
function parseCommandLine(argv: string[]): CliOptions | 'help' | 'version' {
  const values = parseFlags(
    argv,
    {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      seed: { type: 'string' },
      scenario: { type: 'string' },
      data: { type: 'string' },
      persist: { type: 'boolean' },
      delay: { type: 'string' },
      'control-token': { type: 'string' },
      'no-control': { type: 'boolean' },
      'reveal-key-values': { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    HELP,
  )
  if (values.help === true) return 'help'
  if (values.version === true) return 'version'

  const port = toInteger('port', values.port, 0, 65535) ?? DEFAULT_PORT
  const seed = toInteger('seed', values.seed, 0, 2 ** 32 - 1)
  const delayMs = toInteger('delay', values.delay, 0, 600_000)
  const host = values.host ?? DEFAULT_HOST
  if (host.trim() === '') throw new UsageError('--host must not be empty')
  if (/\s/.test(host))
    throw new UsageError(`--host must be a host name or an IP address, got "${host}"`)
  let scenario: Scenario | undefined
  if (values.scenario !== undefined) {
    if (!isScenario(values.scenario))
      throw new UsageError(
        `--scenario must be one of ${SCENARIOS.join(', ')}, got "${values.scenario}"`,
      )
    scenario = values.scenario
  }
  const persist = values.persist === true
  if (persist && values.data === undefined)
    throw new UsageError('--persist needs --data <file.json>: the file to keep the store in')
  if (values.data !== undefined && scenario !== undefined && !persist)
    throw new UsageError(
      '--data and --scenario cannot be combined: the file is the whole starting state (with --persist, --scenario is the state of a new file and of a reset)',
    )
  const token = values['control-token']
  if (token !== undefined && values['no-control'] === true)
    throw new UsageError('--control-token and --no-control cannot be combined')
  if (token !== undefined && !/^\S+$/.test(token))
    throw new UsageError('--control-token must not be empty or contain spaces')

  const server: CliOptions['server'] = { port, host }
  if (seed !== undefined) server.seed = seed
  if (delayMs !== undefined) server.delayMs = delayMs
  if (scenario !== undefined) server.scenario = scenario
  if (values['no-control'] === true) server.control = false
  if (token !== undefined) server.controlToken = token
  if (values['reveal-key-values'] === true) server.revealKeyValues = true
  let persisted: CliOptions['persisted']
  if (values.data !== undefined && persist) {
    server.persistTo = values.data
    persisted = existsSync(values.data) ? 'loaded' : 'created'
  } else if (values.data !== undefined) {
    try {
      server.snapshot = readDataFile(values.data, false)
    } catch (error) {
      if (error instanceof DataFileError) throw new StartError(dataFileProblem(error))
      throw error
    }
  }
  return { quiet: values.quiet === true, dataFile: values.data, persisted, server }
}

/** One line naming the `--data` file and its problem, down to the field. */
function dataFileProblem(error: DataFileError): string {
  return `cannot ${error.action} --data ${error.file}: ${error.problem}`
}

/** One line saying why the server could not listen, and what to do about it. */
function describeListenError(error: NodeJS.ErrnoException, port: number, host: string): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host}; stop the other server or try --port 0 to pick a free port`
    case 'EACCES':
      return `no permission to listen on port ${port}; use a port above 1023 or --port 0`
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on host ${host}: no such local address; try --host 127.0.0.1`
    case undefined:
    default:
      return `cannot start on ${host}:${port}: ${error.message}`
  }
}

/** A URL as people type it: `localhost` for the loopback address, as in the documented base URL. */
function toDisplayOrigin(url: string): string {
  return url.replace(/^http:\/\/127\.0\.0\.1(?=:)/, 'http://localhost')
}

/** The banner's lines on the control API and sessions. */
function describeControl(origin: string, options: StartMockServerOptions): string[] {
  const control =
    options.control === false
      ? 'off (--no-control)'
      : options.controlToken === undefined
        ? `${origin}${CONTROL_PATH}/ from this machine only, never from a page on another origin (--control-token admits others)`
        : `${origin}${CONTROL_PATH}/ from this machine, or from anywhere with Authorization: Bearer <--control-token>`
  return [
    `  Control    ${control}`,
    `  Sessions   ${SESSION_HEADER}: <id> gives a client a store of its own, in memory`,
    `             (at most ${MAX_SESSIONS}: past that the least recently used is dropped)`,
  ]
}

/**
 * The banner's sign-in lines: the one place a password is ever printed (demo data, so that a web
 * app's login form works at once), and the flag a web app needs.
 */
function formatSignIn(
  user: { email: string; password: string } | undefined,
  revealKeyValues: boolean,
): string[] {
  if (user === undefined) return []
  return [
    '',
    `  Sign in    ${user.email} / ${user.password}   (POST /auth/sign_in, as a web app's login does)`,
    revealKeyValues
      ? '  Key values revealed in GET /api_keys (--reveal-key-values), as the Voiceable web app expects'
      : '  Running a web app (the Voiceable web app)? Restart with --reveal-key-values: it reads key_value from GET /api_keys',
  ]
}

async function formatBanner(
  server: MockServer,
  version: string,
  source: string,
  options: StartMockServerOptions,
): Promise<string> {
  const origin = toDisplayOrigin(server.url)
  const users = server.mock.store.listUsers()
  const rows: string[] = []
  let example: string | undefined
  for (const user of users.slice(0, BANNER_MAX_USERS)) {
    const credential =
      user.apiKey === null
        ? `Authorization: Bearer ${await server.mock.store.issueToken(user.id)}`
        : `X-API-Key: ${user.apiKey}`
    rows.push(`    ${String(user.id).padStart(3)}  ${user.email.padEnd(32)}  ${credential}`)
    if (example === undefined) {
      const keyId =
        user.apiKey === null
          ? undefined
          : server.mock.store.authenticateKeyValue(user.apiKey)?.apiKeyId
      const path = keyId === undefined ? '/api_keys' : `/api_keys/${keyId}`
      example = `curl -X GET "${origin}/api/v1${path}" -H "${credential}"`
    }
  }
  if (users.length > BANNER_MAX_USERS)
    rows.push(`    … and ${users.length - BANNER_MAX_USERS} more users`)
  return [
    `voiceable-mock ${version} listening on ${server.url}`,
    '',
    `  Base URL   ${origin}/api/v1`,
    `  Also at    ${origin}/voiceable-api   (the real backend's prefix)`,
    options.control === false
      ? '  Inspector  off (--no-control)'
      : `  Inspector  ${origin}${INSPECTOR_PATH}   (every request and the data, live; open it in a browser)`,
    `  Data       ${source}`,
    ...describeControl(origin, options),
    '',
    '  Users and their credentials:',
    ...(rows.length > 0 ? rows : ['    (none: the store has no users)']),
    ...formatSignIn(users[0], options.revealKeyValues === true),
    ...(example === undefined ? [] : ['', '  Try it:', `    ${example}`]),
    '',
    '  Access log below (method, path, status, time). Press Ctrl+C to stop.',
    '',
  ].join('\n')
}

/** Where `run` writes, and how it learns that it should stop. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Resolves with the signal's name (`SIGINT`, `SIGTERM`) when the process is asked to stop. */
  stopRequested: Promise<string>
  /** The environment (`verify` reads `VOICEABLE_API_KEY`). Default: none. */
  env?: Readonly<Record<string, string | undefined>> | undefined
}

/**
 * Runs the command line: parses `argv`, starts the server, prints the banner and serves until
 * `io.stopRequested` resolves; or, for `verify …`, checks a backend (`verify/cli.ts`). Resolves
 * with the exit code; never throws for bad input.
 * @example
 * process.exitCode = await run(['--port', '0'], { stdout, stderr, stopRequested })
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'verify') return runVerify(argv.slice(1), io)
  let cli: CliOptions | 'help' | 'version'
  try {
    cli = parseCommandLine([...argv])
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`voiceable-mock: ${error.message}\n\n${HELP}`)
      return 2
    }
    if (error instanceof StartError) {
      io.stderr(`voiceable-mock: ${error.message}\n`)
      return 1
    }
    throw error
  }
  if (cli === 'help') {
    io.stdout(HELP)
    return 0
  }
  const version = readPackageVersion()
  if (cli === 'version') {
    io.stdout(`${version}\n`)
    return 0
  }

  const { quiet, dataFile, persisted, server: options } = cli
  let server: MockServer
  try {
    server = await startMockServer(
      { ...options, log: quiet ? false : (line) => io.stdout(`${line}\n`) },
      {
        onPersistError: (error) =>
          io.stderr(`voiceable-mock: failed to save --data ${dataFile ?? ''}: ${String(error)}\n`),
      },
    )
  } catch (error) {
    if (error instanceof SnapshotError) {
      io.stderr(
        `voiceable-mock: cannot load --data ${dataFile ?? ''}: ${error.problems.join('; ')}\n`,
      )
      return 1
    }
    if (error instanceof DataFileError) {
      io.stderr(`voiceable-mock: ${dataFileProblem(error)}\n`)
      return 1
    }
    // The flags are checked above; an option they still let through is a usage error all the same.
    if (error instanceof TypeError) {
      io.stderr(`voiceable-mock: ${error.message}\n\n${HELP}`)
      return 2
    }
    io.stderr(
      `voiceable-mock: ${describeListenError(error as NodeJS.ErrnoException, options.port, options.host)}\n`,
    )
    return 1
  }

  const scenario = `scenario "${options.scenario ?? 'documented'}", seed ${options.seed ?? DEFAULT_SEED}`
  const source =
    persisted === 'loaded'
      ? `saved in ${dataFile ?? ''}, written back after every change${options.scenario === undefined ? '' : ` (the file wins over --scenario ${options.scenario}; a reset goes back to it)`}`
      : persisted === 'created'
        ? `${scenario}, saved in ${dataFile ?? ''} (new), written back after every change`
        : dataFile !== undefined
          ? `snapshot ${dataFile}`
          : scenario
  io.stdout(
    quiet
      ? `voiceable-mock ${version} listening on ${server.url}\n`
      : `${await formatBanner(server, version, source, options)}\n`,
  )

  const signal = await io.stopRequested
  if (!quiet) io.stdout(`voiceable-mock: ${signal} received, stopping\n`)
  try {
    await server.close()
  } catch (error) {
    io.stderr(`voiceable-mock: failed to save --data ${dataFile ?? ''}: ${String(error)}\n`)
    return 1
  }
  return 0
}
